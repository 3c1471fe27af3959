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
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-rendered pages updated in place (issue 12), in Chromium on the real stack: a
 * Thymeleaf view, fragment or layout edit, or a static {@code .html} edit, morphs the
 * open pages that used it without a navigation, keeping what the user typed, focus and
 * caret, scroll positions, open {@code <details>}, module state and nodes JavaScript
 * added. Every scenario has a view of its own, so that the scenarios do not see each
 * other's edits.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(BrowserExtension.class)
class PageUpdatesBrowserIntegrationTests {

	private static final String FORM = """
			<!doctype html>
			<html xmlns:th="http://www.thymeleaf.org">
			<head th:replace="~{layout :: head('Form')}"><title>x</title></head>
			<body>
			<h1 id="title">Form v1</h1>
			<p class="lead">lead v1</p>
			<form>
			  <input id="name" name="name">
			  <input id="city" name="city" value="Paris">
			  <input id="zip" name="zip" value="75000">
			  <textarea id="notes" name="notes"></textarea>
			  <input id="agree" name="agree" type="checkbox">
			  <select id="size" name="size"><option>S</option><option>M</option><option>L</option></select>
			</form>
			<details id="more"><summary>More</summary><p>hidden</p></details>
			<div id="panel" style="height:50px;overflow:auto"><div style="height:500px">tall</div></div>
			<ul id="list"><li id="a">A</li><li id="b">B</li><li id="c">C</li></ul>
			<div id="keep" data-hmr-permanent><span>kept v1</span></div>
			<div th:replace="~{parts :: greeting}"></div>
			<button id="count">0</button>
			<div style="height:3000px"></div>
			<script type="module" src="/counter.js"></script>
			</body>
			</html>
			""";

	private static final String OTHER = """
			<!doctype html>
			<html xmlns:th="http://www.thymeleaf.org">
			<head th:replace="~{layout :: head('Other')}"><title>x</title></head>
			<body><h1 id="title">Other v1</h1></body>
			</html>
			""";

	private static final String LAYOUT = """
			<html xmlns:th="http://www.thymeleaf.org">
			<head th:fragment="head(title)"><meta charset="utf-8"><title th:text="${title}">t</title>
			<meta name="description" content="layout v1"></head>
			</html>
			""";

	private static final String PARTS = """
			<html xmlns:th="http://www.thymeleaf.org">
			<div th:fragment="greeting" id="greeting">greeting v1</div>
			</html>
			""";

	private static final String COUNTER = """
			window.__runs = (window.__runs || 0) + 1
			let count = 0
			const button = document.getElementById('count')
			button.addEventListener('click', () => { count++; button.textContent = String(count) })
			const added = document.createElement('p')
			added.id = 'added-by-js'
			added.textContent = 'js'
			document.getElementById('list').after(added)
			document.getElementById('title').classList.add('js-class')
			""";

	private static final String[] FORMS = { "state", "defaults", "js", "structure", "permanent", "error", "quick",
			"script", "fragment", "guarded", "text" };

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

	@Autowired
	private PageUpdates pageUpdates;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@Test
	void aViewEditChangesThePageInPlaceKeepingTypedInputFocusAndCaret(Browser browser) {
		open(browser, "/view/form-state");
		browser.driver().findElement(By.id("name")).sendKeys("Ada");
		browser.driver().findElement(By.id("notes")).sendKeys("some notes");
		browser.driver().findElement(By.id("agree")).click();
		browser.script("const s = document.getElementById('size'); s.value = 'L';");
		browser.driver().findElement(By.id("name")).click();
		browser.script("document.getElementById('name').setSelectionRange(1, 2);");
		browser.markWindow();

		project.edit("templates/form-state.html", (html) -> html.replace("Form v1", "Form v2"));

		browser.awaitText("#title", "Form v2");
		MorphingPages.assertNoNavigation(browser);
		assertThat(value(browser, "name")).isEqualTo("Ada");
		assertThat(value(browser, "notes")).isEqualTo("some notes");
		assertThat(browser.script("return document.getElementById('agree').checked;")).isEqualTo(true);
		assertThat(value(browser, "size")).isEqualTo("L");
		assertThat(browser.script("return document.activeElement.id;")).isEqualTo("name");
		assertThat(browser.script("const e = document.activeElement; return [e.selectionStart, e.selectionEnd];"))
			.asString()
			.isEqualTo("[1, 2]");
	}

	@Test
	void aChangedValueAttributeShowsInAPristineInputAndNotInATypedOne(Browser browser) {
		open(browser, "/view/form-defaults");
		browser.driver().findElement(By.id("zip")).sendKeys(Keys.END, "1");
		browser.markWindow();

		project.edit("templates/form-defaults.html", (html) -> html.replace("value=\"Paris\"", "value=\"Lyon\"")
			.replace("value=\"75000\"", "value=\"69000\""));

		browser.await().until(() -> "Lyon".equals(value(browser, "city")));
		MorphingPages.assertNoNavigation(browser);
		assertThat(value(browser, "zip")).isEqualTo("750001");
	}

	@Test
	void moduleStateScrollOpenDetailsAndWhatJavaScriptAddedSurvive(Browser browser) {
		open(browser, "/view/form-js");
		for (int i = 0; i < 3; i++) {
			browser.driver().findElement(By.id("count")).click();
		}
		browser.script("""
				document.getElementById('more').open = true;
				document.getElementById('panel').scrollTop = 100;
				window.scrollTo(0, 500);
				""");
		browser.markWindow();

		project.edit("templates/form-js.html", (html) -> html.replace("lead v1", "lead v2"));

		browser.awaitText(".lead", "lead v2");
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.text("#count")).isEqualTo("3");
		assertThat(browser.script("return window.__runs;")).isEqualTo(1L);
		assertThat(browser.script("return document.getElementById('more').open;")).isEqualTo(true);
		assertThat(browser.script("return document.getElementById('panel').scrollTop;")).isEqualTo(100L);
		assertThat(browser.script("return window.scrollY;")).isEqualTo(500L);
		assertThat(browser.text("#added-by-js")).isEqualTo("js");
		assertThat(browser.script("return document.getElementById('title').className;")).isEqualTo("js-class");
		browser.driver().findElement(By.id("count")).click();
		assertThat(browser.text("#count")).isEqualTo("4");
	}

	@Test
	void titleTextAddedAndRemovedElementsShowAndReorderedItemsKeepTheirNodes(Browser browser) {
		open(browser, "/view/form-structure");
		browser.script("window.__a = document.getElementById('a');");
		browser.markWindow();

		project.edit("templates/form-structure.html",
				(html) -> html.replace("head('Form')", "head('Form two')")
					.replace("<p class=\"lead\">lead v1</p>", "<p id=\"added\">added</p>")
					.replace("<li id=\"a\">A</li><li id=\"b\">B</li><li id=\"c\">C</li>",
							"<li id=\"c\">C</li><li id=\"a\">A</li><li id=\"b\">B</li>"));

		browser.await().until(() -> "Form two".equals(browser.script("return document.title;")));
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.text("#added")).isEqualTo("added");
		assertThat(browser.script("return document.querySelector('.lead');")).isNull();
		assertThat(browser.script("return [...document.querySelectorAll('#list li')].map((li) => li.id).join();"))
			.isEqualTo("c,a,b");
		assertThat(browser.script("return document.getElementById('a') === window.__a;")).isEqualTo(true);
	}

	@Test
	void aTextAScriptReplacedGivesWayToTheTemplatesChangeOfThatText(Browser browser) {
		open(browser, "/view/form-text");
		// textContent replaces the server's text node with one of the script's
		browser.script("document.getElementById('count').textContent = '7';");
		browser.markWindow();

		project.edit("templates/form-text.html",
				(html) -> html.replace("<button id=\"count\">0</button>", "<button id=\"count\">10</button>"));

		browser.awaitText("#count", "10");
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.script("return document.getElementById('count').childNodes.length;")).isEqualTo(1L);
	}

	@Test
	void aPermanentElementIsLeftAlone(Browser browser) {
		open(browser, "/view/form-permanent");
		browser.markWindow();

		project.edit("templates/form-permanent.html",
				(html) -> html.replace("kept v1", "kept v2").replace("Form v1", "Form v2"));

		browser.awaitText("#title", "Form v2");
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.text("#keep")).isEqualTo("kept v1");
	}

	@Test
	void aTemplateThatFailsToRenderLeavesThePageAndItsFixMorphsIt(Browser browser) {
		open(browser, "/view/form-error");
		browser.driver().findElement(By.id("name")).sendKeys("Ada");
		browser.markWindow();

		project.edit("templates/form-error.html", (html) -> html.replace("<h1 id=\"title\">Form v1</h1>",
				"<h1 id=\"title\">Form v1</h1><p th:text=\"${#nothing.here()}\">broken</p>"));

		browser.await()
			.until(() -> Boolean.TRUE.equals(browser.script("return !!document.querySelector('vite-error-overlay');")));
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.text("#title")).isEqualTo("Form v1");
		assertThat(value(browser, "name")).isEqualTo("Ada");

		Path template = project.resolve("templates/form-error.html");
		write(template, FORM.replace("Form v1", "Form v3"));

		browser.awaitText("#title", "Form v3");
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.script("return !!document.querySelector('vite-error-overlay');")).isEqualTo(false);
		assertThat(value(browser, "name")).isEqualTo("Ada");
	}

	@Test
	void quickSavesEndOnTheLastVersion(Browser browser) {
		open(browser, "/view/form-quick");
		browser.markWindow();

		for (int version = 2; version <= 5; version++) {
			write(project.resolve("templates/form-quick.html"), FORM.replace("Form v1", "Form v" + version));
		}

		browser.awaitText("#title", "Form v5");
		MorphingPages.assertNoNavigation(browser);
	}

	@Test
	void anAddedScriptReloadsThePage(Browser browser) {
		open(browser, "/view/form-script");
		browser.markWindow();

		project.edit("templates/form-script.html", (html) -> html.replace("</body>",
				"<script>window.__added = (window.__added || 0) + 1</script></body>"));

		browser.awaitReload();
		browser.await().until(() -> Long.valueOf(1).equals(browser.script("return window.__added;")));
	}

	@Test
	void aFragmentEditUpdatesOnlyThePagesThatUseItAndALayoutEditUpdatesThemAll(Browser browser) {
		open(browser, "/view/form-fragment");
		String first = browser.driver().getWindowHandle();
		browser.driver().findElement(By.id("name")).sendKeys("Ada");
		browser.markWindow();
		browser.driver().switchTo().newWindow(WindowType.TAB);
		open(browser, "/view/other");
		String second = browser.driver().getWindowHandle();
		browser.markWindow();
		int otherRequests = PagesController.requests.get("other");

		project.edit("templates/parts.html", (html) -> html.replace("greeting v1", "greeting v2"));

		browser.driver().switchTo().window(first);
		browser.awaitText("#greeting", "greeting v2");
		MorphingPages.assertNoNavigation(browser);
		assertThat(value(browser, "name")).isEqualTo("Ada");

		project.edit("templates/layout.html", (html) -> html.replace("layout v1", "layout v2"));

		browser.await()
			.until(() -> "layout v2"
				.equals(browser.script("return document.querySelector('meta[name=description]').content;")));
		MorphingPages.assertNoNavigation(browser);
		browser.driver().switchTo().window(second);
		browser.await()
			.until(() -> "layout v2"
				.equals(browser.script("return document.querySelector('meta[name=description]').content;")));
		MorphingPages.assertNoNavigation(browser);
		// one request for the layout edit, none for the fragment edit
		assertThat(PagesController.requests.get("other")).isEqualTo(otherRequests + 1);
		browser.driver().close();
		browser.driver().switchTo().window(first);
	}

	@Test
	void aPageThatNowRedirectsIsNotMorphedIntoTheLoginPageButReloaded(Browser browser) {
		open(browser, "/guarded");
		browser.markWindow();
		PagesController.signedIn.set(false);
		try {
			project.edit("templates/form-guarded.html", (html) -> html.replace("Form v1", "Form v2"));

			browser.awaitReload();
			browser.await().until(() -> "/login".equals(browser.script("return location.pathname;")));
			assertThat(browser.text("h1")).isEqualTo("Sign in");
		}
		finally {
			PagesController.signedIn.set(true);
		}
	}

	@Test
	void aStaticPageEditMorphsIt(Browser browser) {
		open(browser, "/plain.html");
		browser.driver().findElement(By.id("name")).sendKeys("Ada");
		browser.markWindow();

		project.edit("static/plain.html", (html) -> html.replace("plain v1", "plain v2"));

		browser.awaitText("#title", "plain v2");
		MorphingPages.assertNoNavigation(browser);
		assertThat(value(browser, "name")).isEqualTo("Ada");
	}

	private void open(Browser browser, String path) {
		browser.open("http://localhost:" + this.port + path);
		MorphingPages.awaitMorphReady(browser, this.pageUpdates);
	}

	private static String value(Browser browser, String id) {
		return (String) browser.script("return document.getElementById(arguments[0]).value;", id);
	}

	/**
	 * Save as editors that write a temporary file and rename it do: the template is never
	 * seen half-written, however loaded the machine. With an in-place write, the watcher
	 * may publish the truncated file when the write that follows comes after its quiet
	 * period, and an empty template is rightly a reload, not the quick saves' morph.
	 */
	private static void write(Path file, String content) {
		try {
			// written outside the watched roots (the project is in the same temporary
			// folder)
			Path saved = Files.writeString(Files.createTempFile("hmr-save", ".html"), content);
			Files.move(saved, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TestProject createProject() {
		TestProject project = TestProject.create("hmr-page-updates")
			.with("static/counter.js", COUNTER)
			.with("static/plain.html", """
					<!doctype html>
					<html><head><title>plain</title></head>
					<body><h1 id="title">plain v1</h1><input id="name"></body></html>
					""")
			.with("templates/layout.html", LAYOUT)
			.with("templates/parts.html", PARTS)
			.with("templates/other.html", OTHER);
		for (String name : FORMS) {
			project.with("templates/form-" + name + ".html", FORM);
		}
		return project;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PagesController.class)
	static class TestApplication {

	}

	@Controller
	static class PagesController {

		static final Map<String, Integer> requests = new ConcurrentHashMap<>();

		static final AtomicBoolean signedIn = new AtomicBoolean(true);

		@GetMapping("/guarded")
		String guarded() {
			return signedIn.get() ? "form-guarded" : "redirect:/login";
		}

		@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
		@ResponseBody
		String login() {
			return "<!doctype html><html><head><title>login</title></head><body><h1>Sign in</h1></body></html>";
		}

		@GetMapping("/view/{name}")
		String view(@PathVariable String name) {
			requests.merge(name, 1, Integer::sum);
			return name;
		}

	}

}
