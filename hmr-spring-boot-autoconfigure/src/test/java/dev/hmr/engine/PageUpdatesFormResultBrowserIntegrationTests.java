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

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

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
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.serve.RenderedPages;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that answered a form submission is updated in place after a template edit
 * without being fetched by its URL (which would show the empty form) or submitted again
 * (issue 12, scenario 9), in Chromium on the real stack: a form shown again with
 * validation errors (a 422) is rendered again from the view and model its render
 * captured, for its own session only, and keeps its errors, the values the server put in
 * and what the user typed since; a form result the server cannot render again (an
 * {@code @ResponseBody} page) shows a notice instead of reloading.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(BrowserExtension.class)
class PageUpdatesFormResultBrowserIntegrationTests {

	private static final String SIGNUP = """
			<!doctype html>
			<html xmlns:th="http://www.thymeleaf.org">
			<head><meta charset="utf-8"><title>Sign up</title></head>
			<body>
			<h1 id="title">Sign up v1</h1>
			<form id="form" th:action="@{/signup}" th:object="${person}" method="post">
			  <input id="name" th:field="*{name}">
			  <p id="name-error" th:if="${#fields.hasErrors('name')}" th:errors="*{name}">error</p>
			  <input id="email" th:field="*{email}">
			  <p id="email-error" th:if="${#fields.hasErrors('email')}" th:errors="*{email}">error</p>
			  <textarea id="note" name="note"></textarea>
			  <button id="send" type="submit">Send</button>
			</form>
			</body>
			</html>
			""";

	private static final TestProject project = TestProject.create("hmr-page-updates-forms")
		.with("templates/signup.html", SIGNUP)
		.with("templates/unrelated.html", "<!doctype html><html><body>unrelated v1</body></html>\n");

	@LocalServerPort
	private int port;

	@Autowired
	private PageUpdates pageUpdates;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("templates"));
	}

	@Test
	void aFormShownAgainWithErrorsIsRenderedAgainFromItsCapturedModelAndNotSubmittedAgain(Browser browser) {
		browser.open("http://localhost:" + this.port + "/signup");
		browser.driver().findElement(By.id("name")).sendKeys("Ada");
		browser.driver().findElement(By.id("email")).sendKeys("ada");
		browser.driver().findElement(By.id("send")).click();
		browser.awaitText("#email-error", "Not an e-mail address");
		String page = awaitMorphReady(browser);
		assertThat(browser.script("return performance.getEntriesByType('navigation')[0].serverTiming"
				+ ".find((t) => t.name === 'hmr-replay').description;"))
			.isEqualTo("captured");
		int posts = FormsController.posts.get();
		browser.driver().findElement(By.id("note")).sendKeys("typed after the POST");
		browser.markWindow();

		project.edit("templates/signup.html", (html) -> html.replace("Sign up v1", "Sign up v2"));

		browser.awaitText("#title", "Sign up v2");
		MorphingPages.assertNoNavigation(browser);
		assertThat(FormsController.posts.get()).isEqualTo(posts);
		assertThat(browser.text("#email-error")).isEqualTo("Not an e-mail address");
		assertThat(value(browser, "name")).isEqualTo("Ada");
		assertThat(value(browser, "email")).isEqualTo("ada");
		assertThat(value(browser, "note")).isEqualTo("typed after the POST");
		assertThat(browser.script("return location.pathname;")).isEqualTo("/signup");
		// the new render is captured too: a second edit is rendered again as well
		String second = awaitNewPage(browser, page);
		project.edit("templates/signup.html", (html) -> html.replace("Sign up v2", "Sign up v3"));
		browser.awaitText("#title", "Sign up v3");
		MorphingPages.assertNoNavigation(browser);
		assertThat(FormsController.posts.get()).isEqualTo(posts);
		assertThat(browser.text("#email-error")).isEqualTo("Not an e-mail address");
		assertThat(second).isNotEqualTo(page);
	}

	@Test
	void onlyTheSessionThatGotACapturedPageMayRenderItAgain(Browser browser) throws Exception {
		browser.open("http://localhost:" + this.port + "/signup");
		browser.driver().findElement(By.id("email")).sendKeys("nobody");
		browser.driver().findElement(By.id("send")).click();
		browser.awaitText("#email-error", "Not an e-mail address");
		String page = awaitMorphReady(browser);
		assertThat(page).matches("[0-9a-f]{32}");
		Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
		assertThat(session).isNotNull();

		HttpResponse<String> own = TestHttp.get(this.port, RenderedPages.REPLAY_PATH + page, "Cookie",
				"JSESSIONID=" + session.getValue());
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("Not an e-mail address").contains("value=\"nobody\"");
		assertThat(own.headers().allValues("Server-Timing"))
			.anyMatch((t) -> t.contains("hmr-replay;desc=\"captured\""));

		HttpResponse<String> noSession = TestHttp.get(this.port, RenderedPages.REPLAY_PATH + page);
		assertThat(noSession.statusCode()).isEqualTo(404);
		assertThat(noSession.body()).doesNotContain("nobody");
		HttpResponse<String> otherSession = TestHttp.get(this.port, RenderedPages.REPLAY_PATH + page, "Cookie",
				"JSESSIONID=" + TestHttp.get(this.port, "/session").body());
		assertThat(otherSession.statusCode()).isEqualTo(404);
		HttpResponse<String> unknown = TestHttp.get(this.port, RenderedPages.REPLAY_PATH + "0".repeat(32), "Cookie",
				"JSESSIONID=" + session.getValue());
		assertThat(unknown.statusCode()).isEqualTo(404);
		// a GET page is fetched again by its URL: nothing of it is kept
		String getPage = pageIdOf(TestHttp.get(this.port, "/signup", "Accept", "text/html"));
		assertThat(TestHttp.get(this.port, RenderedPages.REPLAY_PATH + getPage).statusCode()).isEqualTo(404);
	}

	@Test
	void aFormResultTheServerCannotRenderAgainShowsANoticeInsteadOfReloading(Browser browser) {
		browser.open("http://localhost:" + this.port + "/signup");
		browser.script("const f = document.getElementById('form'); f.action = '/raw'; f.submit();");
		browser.awaitText("#raw", "raw result");
		awaitMorphReady(browser);
		assertThat(browser.script("return performance.getEntriesByType('navigation')[0].serverTiming"
				+ ".find((t) => t.name === 'hmr-replay').description;"))
			.isEqualTo("none");
		int raws = FormsController.raws.get();
		browser.markWindow();

		// the page's render told nothing, so any template edit may have changed it
		project.edit("templates/unrelated.html", (html) -> html.replace("unrelated v1", "unrelated v2"));

		browser.await().until(() -> browser.text("[data-hmr-notice]") != null);
		assertThat(browser.text("[data-hmr-notice]")).contains("reload to see it");
		MorphingPages.assertNoNavigation(browser);
		assertThat(FormsController.raws.get()).isEqualTo(raws);
		assertThat(browser.text("#raw")).isEqualTo("raw result");
	}

	private String awaitMorphReady(Browser browser) {
		return MorphingPages.awaitMorphReady(browser, this.pageUpdates);
	}

	/** After a morph the client reports the id of the page it was rendered from. */
	private String awaitNewPage(Browser browser, String old) {
		browser.await()
			.until(() -> !this.pageUpdates.openPages().isEmpty() && !this.pageUpdates.openPages().contains(old));
		return this.pageUpdates.openPages().iterator().next();
	}

	private static String pageIdOf(HttpResponse<String> response) {
		String timing = response.headers().firstValue("Server-Timing").orElseThrow();
		return timing.substring(timing.indexOf('"') + 1, timing.indexOf('"', timing.indexOf('"') + 1));
	}

	private static String value(Browser browser, String id) {
		return (String) browser.script("return document.getElementById(arguments[0]).value;", id);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(FormsController.class)
	static class TestApplication {

	}

	public static class Person {

		private String name;

		private String email;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

	}

	@Controller
	static class FormsController {

		static final AtomicInteger posts = new AtomicInteger();

		static final AtomicInteger raws = new AtomicInteger();

		@GetMapping("/signup")
		String form(Model model) {
			model.addAttribute("person", new Person());
			return "signup";
		}

		@PostMapping("/signup")
		String submit(@ModelAttribute Person person, BindingResult result, HttpServletResponse response,
				HttpSession session) {
			posts.incrementAndGet();
			session.setAttribute("signups", posts.get());
			if (person.getEmail() == null || !person.getEmail().contains("@")) {
				result.rejectValue("email", "invalid", "Not an e-mail address");
			}
			if (result.hasErrors()) {
				response.setStatus(422);
				return "signup";
			}
			return "redirect:/signup";
		}

		@PostMapping(path = "/raw", produces = MediaType.TEXT_HTML_VALUE)
		@ResponseBody
		String raw() {
			raws.incrementAndGet();
			return "<!doctype html><html><head><title>raw</title></head><body><p id=\"raw\">raw result</p></body></html>";
		}

		@GetMapping(path = "/session", produces = MediaType.TEXT_PLAIN_VALUE)
		@ResponseBody
		String session(HttpSession session) {
			return session.getId();
		}

	}

}
