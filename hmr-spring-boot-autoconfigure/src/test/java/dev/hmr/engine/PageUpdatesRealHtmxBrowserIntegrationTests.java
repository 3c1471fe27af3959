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
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

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
import org.springframework.web.bind.annotation.RequestHeader;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-rendered pages updated in place (issue 12) with real htmx, in Chromium on the
 * real stack: a fragment htmx swapped in survives a morph of the page around it, and
 * {@code hx-*} elements a template edit adds are handed to {@code htmx.process()}, so
 * they work after the morph. htmx comes from the npm registry (the version is pinned;
 * needs Node and npm), installed into {@code target/htmx} on the first run and reused
 * after.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(BrowserExtension.class)
class PageUpdatesRealHtmxBrowserIntegrationTests {

	private static final String HTMX = "htmx.org@4.0.1";

	private static final Path INSTALL = Paths.get("target", "htmx");

	private static final String PAGE = """
			<!doctype html>
			<html xmlns:th="http://www.thymeleaf.org">
			<head><meta charset="utf-8"><title>htmx</title><script src="/htmx.js"></script></head>
			<body>
			<h1 id="title">htmx v1</h1>
			<button id="load" hx-get="/rows/more" hx-target="#target">Load</button>
			<div id="target"><p id="placeholder">nothing yet</p></div>
			</body>
			</html>
			""";

	private static final String ROWS = """
			<html xmlns:th="http://www.thymeleaf.org">
			<div th:fragment="more" id="rows"><p id="row">row from the server</p><input id="qty" name="qty"></div>
			<p th:fragment="other" id="other-row">other row</p>
			</html>
			""";

	private static final TestProject project = TestProject.create("hmr-page-updates-real-htmx")
		.with("static/htmx.js", htmx())
		.with("templates/rows.html", ROWS)
		.with("templates/htmx-survives.html", PAGE)
		.with("templates/htmx-added.html", PAGE);

	@LocalServerPort
	private int port;

	@Autowired
	private PageUpdates pageUpdates;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@Test
	void aFragmentRealHtmxSwappedInSurvivesAMorph(Browser browser) {
		open(browser, "/view/htmx-survives");
		browser.driver().findElement(By.id("load")).click();
		browser.awaitText("#row", "row from the server");
		browser.driver().findElement(By.id("qty")).sendKeys("12");
		browser.script("window.__row = document.getElementById('row');");
		browser.markWindow();

		project.edit("templates/htmx-survives.html", (html) -> html.replace("htmx v1", "htmx v2"));

		browser.awaitText("#title", "htmx v2");
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.script("return document.getElementById('row') === window.__row;")).isEqualTo(true);
		assertThat(browser.script("return document.getElementById('qty').value;")).isEqualTo("12");
		assertThat(browser.script("return document.getElementById('placeholder');")).isNull();
		// htmx still answers the button it wired before the morph
		browser.script("document.getElementById('target').innerHTML = '';");
		browser.driver().findElement(By.id("load")).click();
		browser.awaitText("#row", "row from the server");
		MorphingPages.assertNoNavigation(browser);
	}

	@Test
	void hxElementsATemplateEditAddsWorkAfterTheMorph(Browser browser) {
		open(browser, "/view/htmx-added");
		browser.markWindow();

		project.edit("templates/htmx-added.html", (html) -> html.replace("htmx v1", "htmx v2")
			.replace("</body>", "<button id=\"load-other\" hx-get=\"/rows/other\" hx-target=\"#other\">Other</button>"
					+ "<div id=\"other\"></div></body>"));

		browser.awaitText("#title", "htmx v2");
		browser.driver().findElement(By.id("load-other")).click();
		browser.awaitText("#other-row", "other row");
		MorphingPages.assertNoNavigation(browser);
	}

	private void open(Browser browser, String path) {
		browser.open("http://localhost:" + this.port + path);
		MorphingPages.awaitMorphReady(browser, this.pageUpdates);
		browser.await().until(() -> Boolean.TRUE.equals(browser.script("return !!window.htmx;")));
	}

	/** htmx's browser build, from npm, installed once. */
	private static String htmx() {
		Path script = INSTALL.resolve("node_modules/htmx.org/dist/htmx.js");
		Path packageJson = INSTALL.resolve("node_modules/htmx.org/package.json");
		String version = HTMX.substring(HTMX.lastIndexOf('@') + 1);
		try {
			if (!Files.isRegularFile(packageJson)
					|| !Files.readString(packageJson).contains("\"version\": \"" + version + "\"")) {
				Files.createDirectories(INSTALL);
				Path log = INSTALL.resolve("npm.log");
				Process process = new ProcessBuilder(List.of("npm", "install", "--prefix", INSTALL.toString(),
						"--no-save", "--no-audit", "--no-fund", "--no-package-lock", HTMX))
					.redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start();
				if (!process.waitFor(5, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					throw new IllegalStateException("npm timed out installing " + HTMX + "; see " + log);
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException("npm could not install " + HTMX + ": " + Files.readString(log));
				}
			}
			return Files.readString(script);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Node and npm are needed by this test (to install " + HTMX + "): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PagesController.class)
	static class TestApplication {

	}

	@Controller
	static class PagesController {

		@GetMapping("/view/{name}")
		String view(@PathVariable String name) {
			return name;
		}

		@GetMapping("/rows/{fragment}")
		String rows(@PathVariable String fragment, @RequestHeader("HX-Request") String htmx) {
			return "rows :: " + ("other".equals(fragment) ? "other" : "more");
		}

	}

}
