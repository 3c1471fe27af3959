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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages and static {@code .html} files get the client (issue #10), over real HTTP:
 * Spring Boot's whitelabel page for a 404 and a 500 (an {@code ERROR} dispatch), and a
 * static page that starts with {@code <div>}; an htmx partial a controller returns is
 * left alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "spring.thymeleaf.enabled=false" })
class HmrErrorPageClientIntegrationTests {

	private static final String CLIENT_SCRIPT = "<script type=\"module\" src=\"/@vite/client\"></script>";

	private static final TestProject project = TestProject.create("hmr-error-page")
		.with("static/app.js", "export {};\n")
		.with("static/snippet.html", "<div id=\"snippet\">static</div>\n");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void theWhitelabelPageForA404GetsTheClientOnce() throws Exception {
		HttpResponse<String> page = get("/no-such-page");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Whitelabel Error Page");
		assertThat(page.body().split("/@vite/client", -1)).hasSize(2);
		assertThat(page.body()).contains(CLIENT_SCRIPT);
	}

	@Test
	void theWhitelabelPageForA500GetsTheClientOnce() throws Exception {
		HttpResponse<String> page = get("/boom");
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("Whitelabel Error Page");
		assertThat(page.body().split("/@vite/client", -1)).hasSize(2);
	}

	@Test
	void aStaticHtmlFileThatStartsWithADivGetsTheClientAtItsStart() throws Exception {
		HttpResponse<String> page = get("/snippet.html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(TestHttp.withoutImportMap(page.body()))
			.isEqualTo(CLIENT_SCRIPT + "\n<div id=\"snippet\">static</div>\n");
	}

	@Test
	void anHtmxPartialFromAControllerIsNotTouched() throws Exception {
		HttpResponse<String> partial = get("/partial");
		assertThat(partial.statusCode()).isEqualTo(200);
		assertThat(partial.body()).isEqualTo("<div id=\"row\">partial</div>");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", "text/html");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ErrorsController.class)
	static class TestApplication {

	}

	@Controller
	static class ErrorsController {

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

		@GetMapping(path = "/partial", produces = MediaType.TEXT_HTML_VALUE)
		@ResponseBody
		String partial() {
			return "<div id=\"row\">partial</div>";
		}

	}

}
