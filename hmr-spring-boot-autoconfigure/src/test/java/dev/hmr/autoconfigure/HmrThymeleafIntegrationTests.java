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

package dev.hmr.autoconfigure;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thymeleaf pages with HMR (issue #4): pages rendered by controllers get the client once
 * in their {@code <head>}, fragments are left alone, a CSP nonce is carried over, and
 * templates are read from the watched source folder so that a saved template is what the
 * reload shows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrThymeleafIntegrationTests {

	private static final String CLIENT_SCRIPT = "<script type=\"module\" src=\"/@vite/client\"></script>";

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@BeforeEach
	void connect() {
		this.browser = TestHotClient.connectedBrowser(this.port);
	}

	@AfterEach
	void disconnect() {
		this.browser.close();
	}

	@Test
	void aTemplatePageGetsTheClientOnceInItsHead() throws Exception {
		HttpResponse<String> page = get("/page");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("<p>Hello, World</p>");
		assertThat(body.split("/@vite/client", -1)).hasSize(2);
		assertThat(TestHttp.withoutImportMap(body))
			.containsPattern("<head>\\s*" + Pattern.quote(CLIENT_SCRIPT) + "<title>");
	}

	@Test
	void aTemplateFragmentIsNotTouched() throws Exception {
		HttpResponse<String> fragment = get("/fragment");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(fragment.body().strip()).isEqualTo("<div id=\"item\">item 7</div>");
	}

	@Test
	void aResponseBodyFragmentIsNotTouched() throws Exception {
		HttpResponse<String> fragment = get("/body/fragment");
		assertThat(fragment.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(fragment.body()).isEqualTo("<div>partial</div>");
	}

	@Test
	void aResponseBodyPageGetsTheClient() throws Exception {
		assertThat(TestHttp.withoutImportMap(get("/body/page").body()).replaceAll("<head>\\s+", "<head>")).isEqualTo(
				"<!doctype html><html><head>" + CLIENT_SCRIPT + "<title>b</title></head><body>body</body></html>");
	}

	@Test
	void aPageWithACspNonceGetsItOnTheScript() throws Exception {
		String body = get("/nonce").body();
		assertThat(body).contains("<script type=\"module\" src=\"/@vite/client\" nonce=\"abc\"></script>");
		assertThat(body.split("/@vite/client", -1)).hasSize(2);
	}

	@Test
	void aSavedTemplateIsRenderedFromSourceAfterAFullReload() throws Exception {
		assertThat(get("/edited").body()).contains("<p>before</p>");
		Path template = project.resolve("templates/edited.html");
		Files.writeString(template,
				"<!doctype html><html><head><title>e</title></head><body><p>after</p></body></html>");
		assertThat(this.browser.takePayload()).isEqualTo(new FullReloadPayload("*", template.toString()));
		assertThat(get("/edited").body()).contains("<p>after</p>").doesNotContain("before");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", "text/html");
	}

	private static TestProject createProject() {
		return TestProject.create("hmr-thymeleaf")
			.with("static/app.js", "export {};\n")
			.with("templates/page.html", """
					<!doctype html>
					<html xmlns:th="http://www.thymeleaf.org"><head><title>Page</title></head>
					<body><p th:text="${greeting}">placeholder</p></body></html>
					""")
			.with("templates/parts.html", """
					<html xmlns:th="http://www.thymeleaf.org"><body>
					<div id="item" th:fragment="item" th:text="'item ' + ${n}">x</div>
					</body></html>
					""")
			.with("templates/nonce.html", """
					<!doctype html>
					<html><head><meta property="csp-nonce" nonce="abc"><title>n</title></head><body></body></html>
					""")
			.with("templates/edited.html",
					"<!doctype html><html><head><title>e</title></head><body><p>before</p></body></html>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PagesController.class)
	static class TestApplication {

	}

	@Controller
	static class PagesController {

		@GetMapping("/page")
		String page(Model model) {
			model.addAttribute("greeting", "Hello, World");
			return "page";
		}

		@GetMapping("/fragment")
		String fragment(Model model) {
			model.addAttribute("n", 7);
			return "parts :: item";
		}

		@GetMapping("/nonce")
		String nonce() {
			return "nonce";
		}

		@GetMapping("/edited")
		String edited() {
			return "edited";
		}

		@GetMapping(path = "/body/fragment", produces = MediaType.TEXT_HTML_VALUE)
		@ResponseBody
		String bodyFragment() {
			return "<div>partial</div>";
		}

		@GetMapping(path = "/body/page", produces = MediaType.TEXT_HTML_VALUE)
		@ResponseBody
		String bodyPage() {
			return "<!doctype html><html><head><title>b</title></head><body>body</body></html>";
		}

	}

}
