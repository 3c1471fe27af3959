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
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's message source reads {@code spring.messages.basename}'s bundles from the
 * source folder, uncached, in their encoding: a saved bundle shows on the next render
 * without a restart and reloads the pages, whether it is in the resources folder or under
 * a watched root (issue #10). The class path holds an older
 * {@code hmr-test-messages.properties}, as a build's output would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "spring.messages.basename=hmr-test-messages, i18n/labels" })
class HmrMessageSourceIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-messages")
		.with("static/app.js", "export {};\n")
		.with("hmr-test-messages.properties", "greeting=from the sources\n")
		.with("i18n/labels.properties", "label=Caf\u00e9\n")
		.with("i18n/labels_fr.properties", "label=Caf\u00e9 fran\u00e7ais\n")
		.with("templates/page.html", """
				<!doctype html>
				<html xmlns:th="http://www.thymeleaf.org"><head><title>Page</title></head>
				<body><p id="greeting" th:text="#{greeting}">x</p><p id="label" th:text="#{label}">x</p></body></html>
				""");

	@LocalServerPort
	private int port;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates", "i18n"));
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
	void bundlesAreReadFromTheSourcesInTheirEncoding() throws Exception {
		assertThat(page("en")).contains("<p id=\"greeting\">from the sources</p>")
			.contains("<p id=\"label\">Caf\u00e9</p>");
		assertThat(page("fr")).contains("<p id=\"label\">Caf\u00e9 fran\u00e7ais</p>");
	}

	@Test
	void aBundleSavedInTheResourcesFolderShowsWithoutARestartAndReloadsThePages() throws Exception {
		Path messages = project.write("hmr-test-messages.properties", "greeting=edited in the sources\n");
		assertThat(this.browser.takePayload()).isEqualTo(new FullReloadPayload("*", messages.toString()));
		awaitPage("<p id=\"greeting\">edited in the sources</p>");
		assertThat(this.browser.pendingMessages()).isZero();
	}

	@Test
	void aSavedBundleUnderAWatchedRootReloadsThePages() throws Exception {
		Path labels = project.write("i18n/labels.properties", "label=Th\u00e9\n");
		assertThat(this.browser.takePayload()).isEqualTo(new FullReloadPayload("*", labels.toString()));
		awaitPage("<p id=\"label\">Th\u00e9</p>");
	}

	private void awaitPage(String expected) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> page("en").contains(expected));
	}

	private String page(String language) throws IOException, InterruptedException {
		return TestHttp.get(this.port, "/page", "Accept", "text/html", "Accept-Language", language).body();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PagesController.class)
	static class TestApplication {

	}

	@Controller
	static class PagesController {

		@GetMapping("/page")
		String page() {
			return "page";
		}

	}

}
