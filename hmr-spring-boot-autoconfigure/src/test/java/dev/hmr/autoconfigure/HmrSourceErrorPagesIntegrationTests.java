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

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages created in the source folders while the application runs, and so on no
 * class path, are what Spring Boot's error handling shows (issue #10): a static
 * {@code error/404.html} and a Thymeleaf {@code error/5xx.html}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrSourceErrorPagesIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-source-error-pages")
		.with("static/app.js", "export {};\n")
		.with("templates/page.html", "<!doctype html><html><head><title>p</title></head><body></body></html>");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@Test
	void aStaticErrorPageCreatedInTheSourcesIsShownForItsStatus() throws Exception {
		project.write("static/error/404.html",
				"<!doctype html><html><head><title>Lost</title></head><body><p>Nothing here</p></body></html>");
		HttpResponse<String> page = TestHttp.get(this.port, "/no-such-page", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<p>Nothing here</p>").contains("/@vite/client");
	}

	@Test
	void anErrorTemplateCreatedInTheSourcesIsRenderedForItsSeries() throws Exception {
		project.write("templates/error/5xx.html", """
				<!doctype html>
				<html xmlns:th="http://www.thymeleaf.org"><head><title>Oops</title></head>
				<body><p th:text="'Failed with ' + ${status}">x</p></body></html>
				""");
		HttpResponse<String> page = TestHttp.get(this.port, "/boom", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("<p>Failed with 500</p>").contains("/@vite/client");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(BoomController.class)
	static class TestApplication {

	}

	@RestController
	static class BoomController {

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

	}

}
