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

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-rendered pages updated in place (issue 12) on an htmx-style page, in Chromium on
 * the real stack: a fragment a button swapped in from a controller survives a morph of
 * the page around it, and a fragment template edit updates the page whose render used it.
 * The page swaps the way htmx does ({@code hx-get}, {@code hx-target},
 * {@code HX-Request}, {@code innerHTML}) in an inline module of its own, which needs no
 * Node; {@link PageUpdatesRealHtmxBrowserIntegrationTests} does the same with real htmx
 * from npm. Also: the morph's events reach the modules' {@code import.meta.hot.on}
 * listeners.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(BrowserExtension.class)
class PageUpdatesHtmxBrowserIntegrationTests {

	private static final String PAGE = """
			<!doctype html>
			<html xmlns:th="http://www.thymeleaf.org">
			<head th:replace="~{htmx-layout :: head('Htmx')}"><title>x</title></head>
			<body>
			<h1 id="title">Htmx v1</h1>
			<div th:replace="~{rows :: summary}"></div>
			<button id="load" hx-get="/rows/more" hx-target="#target">Load</button>
			<div id="target"><p id="placeholder">nothing yet</p></div>
			<script type="module">
			document.body.addEventListener('click', async (event) => {
			  const trigger = event.target.closest('[hx-get]')
			  if (!trigger) return
			  const response = await fetch(trigger.getAttribute('hx-get'), { headers: { 'HX-Request': 'true' } })
			  document.querySelector(trigger.getAttribute('hx-target')).innerHTML = await response.text()
			  document.dispatchEvent(new CustomEvent('htmx:afterSwap'))
			})
			</script>
			<script type="module" src="/events.js"></script>
			</body>
			</html>
			""";

	private static final String LAYOUT = """
			<html xmlns:th="http://www.thymeleaf.org">
			<head th:fragment="head(title)"><meta charset="utf-8"><title th:text="${title}">t</title>
			<meta name="description" content="htmx layout v1"></head>
			</html>
			""";

	private static final String ROWS = """
			<html xmlns:th="http://www.thymeleaf.org">
			<p th:fragment="summary" id="summary">summary v1</p>
			<div th:fragment="more" id="rows"><p id="row">row from the server</p><input id="qty" name="qty"></div>
			</html>
			""";

	private static final String EVENTS = """
			window.__hot = []
			import.meta.hot.on('hmr:before-morph', (detail) => window.__hot.push('before ' + detail.file))
			import.meta.hot.on('hmr:after-morph', (detail) => window.__hot.push('after ' + detail.file))
			document.addEventListener('hmr:after-morph', (event) => window.__hot.push('document ' + event.detail.file))
			""";

	private static final TestProject project = TestProject.create("hmr-page-updates-htmx")
		.with("static/events.js", EVENTS)
		.with("templates/htmx-layout.html", LAYOUT)
		.with("templates/rows.html", ROWS)
		.with("templates/htmx-view.html", PAGE)
		.with("templates/htmx-layout-edit.html", PAGE)
		.with("templates/htmx-events.html", PAGE);

	@LocalServerPort
	private int port;

	@Autowired
	private PageUpdates pageUpdates;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@Test
	void aSwappedInFragmentSurvivesAViewEditAndKeepsWhatWasTypedInIt(Browser browser) {
		open(browser, "/view/htmx-view");
		swapIn(browser);
		browser.driver().findElement(By.id("qty")).sendKeys("12");
		browser.script("window.__row = document.getElementById('row');");
		browser.markWindow();

		project.edit("templates/htmx-view.html", (html) -> html.replace("Htmx v1", "Htmx v2"));

		browser.awaitText("#title", "Htmx v2");
		MorphingPages.assertNoNavigation(browser);
		assertSwappedInFragmentIntact(browser);
	}

	@Test
	void aSwappedInFragmentSurvivesALayoutEdit(Browser browser) {
		open(browser, "/view/htmx-layout-edit");
		swapIn(browser);
		browser.driver().findElement(By.id("qty")).sendKeys("12");
		browser.script("window.__row = document.getElementById('row');");
		browser.markWindow();

		project.edit("templates/htmx-layout.html", (html) -> html.replace("htmx layout v1", "htmx layout v2"));

		browser.await()
			.until(() -> "htmx layout v2"
				.equals(browser.script("return document.querySelector('meta[name=description]').content;")));
		MorphingPages.assertNoNavigation(browser);
		assertSwappedInFragmentIntact(browser);
	}

	@Test
	void aFragmentTemplateEditUpdatesThePageWhoseRenderUsedIt(Browser browser) {
		open(browser, "/view/htmx-view");
		swapIn(browser);
		browser.driver().findElement(By.id("qty")).sendKeys("12");
		browser.script("window.__row = document.getElementById('row');");
		browser.markWindow();

		project.edit("templates/rows.html", (html) -> html.replace("summary v1", "summary v2"));

		browser.awaitText("#summary", "summary v2");
		MorphingPages.assertNoNavigation(browser);
		assertSwappedInFragmentIntact(browser);
		// the next swap renders the edited template
		project.edit("templates/rows.html", (html) -> html.replace("row from the server", "row v2"));
		browser.awaitText("#summary", "summary v2");
		browser.await().untilAsserted(() -> {
			browser.driver().findElement(By.id("load")).click();
			assertThat(browser.text("#row")).isEqualTo("row v2");
		});
		MorphingPages.assertNoNavigation(browser);
	}

	@Test
	void theMorphEventsReachImportMetaHotListeners(Browser browser) {
		open(browser, "/view/htmx-events");
		browser.markWindow();

		project.edit("templates/htmx-events.html", (html) -> html.replace("Htmx v1", "Htmx v2"));

		browser.awaitText("#title", "Htmx v2");
		browser.await().until(() -> Long.valueOf(3).equals(browser.script("return window.__hot.length;")));
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.script("return window.__hot.map((e) => e.split(' ')[0]).join();"))
			.isEqualTo("before,document,after");
		assertThat(browser.script("return window.__hot[0].slice('before '.length);")).asString()
			.endsWith("htmx-events.html");
		assertThat(browser.script("return new Set(window.__hot.map((e) => e.slice(e.indexOf(' ')))).size;"))
			.isEqualTo(1L);
	}

	private static void swapIn(Browser browser) {
		browser.driver().findElement(By.id("load")).click();
		browser.awaitText("#row", "row from the server");
		assertThat(browser.script("return document.getElementById('placeholder');")).isNull();
	}

	private static void assertSwappedInFragmentIntact(Browser browser) {
		assertThat(browser.text("#row")).isEqualTo("row from the server");
		assertThat(browser.script("return document.getElementById('row') === window.__row;")).isEqualTo(true);
		assertThat(browser.script("return document.getElementById('qty').value;")).isEqualTo("12");
		assertThat(browser.script("return document.getElementById('placeholder');")).isNull();
	}

	private void open(Browser browser, String path) {
		browser.open("http://localhost:" + this.port + path);
		MorphingPages.awaitMorphReady(browser, this.pageUpdates);
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

		@GetMapping("/rows/more")
		String more() {
			return "rows :: more";
		}

	}

}
