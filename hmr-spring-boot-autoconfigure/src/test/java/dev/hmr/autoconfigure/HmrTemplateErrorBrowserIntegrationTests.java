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

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Thymeleaf template that fails to render shows Vite's error overlay in the page, with
 * the template's file, line and a code frame and no Java stack; the log has the failure
 * once; fixing the template reloads the page without the overlay (issue #10).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith({ BrowserExtension.class, OutputCaptureExtension.class })
class HmrTemplateErrorBrowserIntegrationTests {

	private static final String GOOD = """
			<!doctype html>
			<html xmlns:th="http://www.thymeleaf.org"><head><title>Page</title></head>
			<body>
			<p class="greeting" th:text="${greeting}">x</p>
			</body></html>
			""";

	private static final String OVERLAY = "const o = document.querySelector('vite-error-overlay');"
			+ " return o ? o.shadowRoot.querySelector(arguments[0]).textContent : null";

	private static final TestProject project = TestProject.create("hmr-template-error")
		.with("static/app.js", "export {};\n")
		.with("templates/page.html", GOOD)
		.with("templates/other.html", GOOD);

	@LocalServerPort
	private int port;

	private TestHotClient socket;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@BeforeEach
	void connect() {
		this.socket = TestHotClient.connectedBrowser(this.port);
	}

	@AfterEach
	void disconnect() {
		this.socket.close();
	}

	@Test
	void aBadExpressionShowsTheOverlayWithTheTemplateAndLineOverThePageAndTheFixUpdatesIt(Browser browser,
			CapturedOutput output) {
		browser.open("http://localhost:" + this.port + "/page");
		browser.awaitConsole("[vite] connected.");
		browser.awaitText(".greeting", "Hello");
		browser.markWindow();
		int logged = output.getAll().length();

		Path template = project.write("templates/page.html", GOOD.replace("${greeting}", "${greeting +}"));
		assertThat(this.socket.takePayload()).isEqualTo(new FullReloadPayload("*", template.toString()));

		// the page stays as it is (it is updated in place, issue 12), under the overlay
		browser.await().until(() -> browser.script(OVERLAY, ".message-body") != null);
		assertThat(browser.wasReloaded()).isFalse();
		assertThat(browser.text(".greeting")).isEqualTo("Hello");
		String message = (String) browser.script(OVERLAY, ".message-body");
		assertThat(message).contains("template: \"page\" - line 4").contains("greeting +");
		assertThat((String) browser.script(OVERLAY, ".plugin")).isEqualTo("[plugin:thymeleaf] ");
		assertThat((String) browser.script(OVERLAY, ".file")).startsWith(template + ":4:");
		assertThat((String) browser.script(OVERLAY, ".frame")).contains("4  |  <p class=\"greeting\"").contains("^");
		assertThat((String) browser.script(OVERLAY, ".stack")).isEmpty();

		HotError error = takeError();
		assertThat(error.id()).isEqualTo(template.toString());
		assertThat(error.loc()).isNotNull();
		assertThat(error.loc().file()).isEqualTo(template.toString());
		assertThat(error.loc().line()).isEqualTo(4);
		assertThat(error.stack()).isEmpty();
		assertThat(error.plugin()).isEqualTo("thymeleaf");

		String log = output.getAll().substring(logged);
		assertThat(log.split("greeting \\+", -1)).as(log).hasSize(2);
		assertThat(log).doesNotContain("Servlet.service()");

		browser.markWindow();
		project.write("templates/page.html", GOOD.replace("${greeting}", "'Fixed'"));
		browser.awaitText(".greeting", "Fixed");
		assertThat(browser.wasReloaded()).isFalse();
		assertThat(browser.script("return document.querySelectorAll('vite-error-overlay').length")).isEqualTo(0L);
	}

	@Test
	void aRequestThatIsNotForAPageGetsBootsErrorResponseAndNoOverlayPage() throws Exception {
		project.write("templates/other.html", GOOD.replace("${greeting}", "${greeting.}"));
		HttpResponse<String> response = TestHttp.get(this.port, "/other", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"status\":500").doesNotContain("ErrorOverlay");
		assertThat(takeError().id()).isEqualTo(project.resolve("templates/other.html").toString());
	}

	private HotError takeError() {
		HotPayload payload;
		do {
			payload = this.socket.takePayload();
		}
		while (!(payload instanceof ErrorPayload));
		return ((ErrorPayload) payload).err();
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
			model.addAttribute("greeting", "Hello");
			return "page";
		}

		@GetMapping("/other")
		String other(Model model) {
			model.addAttribute("greeting", "Hello");
			return "other";
		}

	}

}
