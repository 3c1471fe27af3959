/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.hmr.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.testsupport.TestProject;

/**
 * Save → screen for a template edit in Chromium: the time from writing a Thymeleaf view
 * to the first animation frame showing its new text, for an in-place update and for the
 * full reload it replaces (the same page with
 * {@code <meta name="hmr-template-update" content="reload">}), on a small page and on one
 * of 2,000 elements. A measurement, not an assertion: excluded from the normal build by
 * its tag. Run it with <pre>
 * mvn -B -o -q -pl hmr-spring-boot-autoconfigure -am verify -Dhmr.excluded-test-groups= \
 *     -Dtest=PageUpdatesBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(BrowserExtension.class)
class PageUpdatesBenchmarkTests {

	private static final int WARM_UP = 3;

	private static final int EDITS = 20;

	// records, by the page's clock, when each text of #v first reached the screen; kept
	// in
	// sessionStorage, so that it survives a reload
	private static final String PROBE = """
			const record = () => requestAnimationFrame(() => {
			  const key = location.pathname + ':' + document.getElementById('v').textContent
			  if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, String(Date.now()))
			})
			record()
			new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
			""";

	private static final TestProject project = TestProject.create("hmr-page-bench")
		.with("static/probe.js", PROBE)
		.with("templates/empty.html", "");

	@LocalServerPort
	private int port;

	@Autowired
	private PageUpdates pageUpdates;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@Test
	void saveToScreen(Browser browser) {
		List<String> lines = new ArrayList<>();
		for (int elements : new int[] { 10, 2000 }) {
			for (boolean reload : new boolean[] { false, true }) {
				String name = "bench-" + elements + (reload ? "-reload" : "-morph");
				write(name, page(elements, reload, "v 0"));
				browser.open("http://localhost:" + this.port + "/view/" + name);
				awaitClient(browser);
				browser.await()
					.until(() -> browser.script("return sessionStorage.getItem(location.pathname + ':v 0')") != null);
				browser.markWindow();
				List<Long> millis = new ArrayList<>();
				for (int i = 1; i <= WARM_UP + EDITS; i++) {
					String text = "v " + i;
					long written = System.currentTimeMillis();
					write(name, page(elements, reload, text));
					Object shown = browser.await()
						.until(() -> browser.script("return sessionStorage.getItem(arguments[0])",
								"/view/" + name + ":" + text), (value) -> value != null);
					if (i > WARM_UP) {
						millis.add(Long.parseLong((String) shown) - written);
					}
					if (reload) {
						awaitClient(browser);
					}
				}
				if (!reload && browser.wasReloaded()) {
					throw new IllegalStateException("The page reloaded: the figures are not those of in-place updates");
				}
				lines.add("save-to-screen " + name + " (" + elements + " elements): " + summary(millis));
			}
		}
		lines.forEach(System.out::println);
	}

	private void awaitClient(Browser browser) {
		browser.await().until(() -> "complete".equals(browser.script("return document.readyState")));
		String page = (String) browser.await()
			.until(() -> browser.script("return performance.getEntriesByType('navigation')[0].serverTiming"
					+ ".find((t) => t.name === 'hmr-page').description;"), (id) -> id != null);
		browser.await().until(() -> this.pageUpdates.openPages().contains(page));
	}

	private static String page(int elements, boolean reload, String text) {
		StringBuilder page = new StringBuilder("<!doctype html>\n<html><head><title>bench</title>");
		if (reload) {
			page.append("<meta name=\"hmr-template-update\" content=\"reload\">");
		}
		page.append("</head>\n<body><h1 id=\"v\">").append(text).append("</h1><form><input name=\"q\"></form>\n<ul>");
		for (int i = 0; i < elements; i++) {
			page.append("<li class=\"item\">item ").append(i).append("</li>\n");
		}
		return page.append("</ul><script type=\"module\" src=\"/probe.js\"></script></body></html>\n").toString();
	}

	private static void write(String name, String content) {
		try {
			Files.writeString(project.resolve("templates/" + name + ".html"), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String summary(List<Long> millis) {
		List<Long> sorted = millis.stream().sorted().toList();
		double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2.0;
		long p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
		return "n=" + sorted.size() + " median=" + median + " ms p95=" + p95 + " ms min=" + sorted.get(0) + " ms max="
				+ sorted.get(sorted.size() - 1) + " ms";
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(BenchController.class)
	static class TestApplication {

	}

	@Controller
	static class BenchController {

		@GetMapping("/view/{name}")
		String view(@PathVariable String name) {
			return name;
		}

	}

}
