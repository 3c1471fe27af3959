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
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's Thymeleaf {@code error/404.html}, rendered by Spring Boot's error view
 * resolver on an {@code ERROR} dispatch, gets the client once (issue #10). The prefix
 * points at the project's templates the way the build output would (Boot only finds an
 * error template where {@code spring.thymeleaf.prefix} says).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrErrorTemplateClientIntegrationTests {

	private static final String CLIENT_SCRIPT = "<script type=\"module\" src=\"/@vite/client\"></script>";

	private static final TestProject project = TestProject.create("hmr-error-template")
		.with("static/app.js", "export {};\n")
		.with("templates/error/404.html", """
				<!doctype html>
				<html xmlns:th="http://www.thymeleaf.org"><head><title>Missing</title></head>
				<body><p th:text="'Not found: ' + ${status}">x</p></body></html>
				""");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
		registry.add("spring.thymeleaf.prefix", () -> project.resolve("templates").toUri().toString());
	}

	@Test
	void anErrorTemplateFor404GetsTheClientOnce() throws Exception {
		HttpResponse<String> page = TestHttp.get(this.port, "/no-such-page", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		String body = page.body();
		assertThat(body).contains("<p>Not found: 404</p>");
		assertThat(body.split("/@vite/client", -1)).hasSize(2);
		assertThat(TestHttp.withoutImportMap(body))
			.containsPattern("<head>\\s*" + Pattern.quote(CLIENT_SCRIPT) + "<title>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
