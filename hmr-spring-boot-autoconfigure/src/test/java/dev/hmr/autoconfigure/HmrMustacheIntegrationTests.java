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
import java.util.Locale;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.mustache.servlet.view.MustacheViewResolver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mustache (Spring Boot's auto-configuration, a view with a partial) reads templates from
 * the watched source folder, uncached: a saved template is what the reload its save sends
 * shows (issue #10). The class path holds no templates.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrMustacheIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-mustache")
		.with("static/app.js", "export {};\n")
		.with("templates/mu-page.mustache", """
				<!doctype html><html><head><title>m</title></head><body><p>{{> mu-part}}</p></body></html>
				""")
		.with("templates/mu-part.mustache", "before");

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
	void aTemplateIsReadFromTheSourcesAndASavedOneShowsAfterItsReload() throws Exception {
		assertThat(page()).contains("<p>before</p>").contains("/@vite/client");
		Path part = project.write("templates/mu-part.mustache", "after");
		assertThat(this.browser.takePayload()).isEqualTo(new FullReloadPayload("*", part.toString()));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> page().contains("<p>after</p>"));
	}

	private String page() throws IOException, InterruptedException {
		return TestHttp.get(this.port, "/page", "Accept", "text/html").body();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PageController.class)
	static class TestApplication {

	}

	@Controller
	static class PageController {

		private final MustacheViewResolver resolver;

		PageController(MustacheViewResolver resolver) {
			this.resolver = resolver;
		}

		@GetMapping("/page")
		ModelAndView page() throws Exception {
			// this engine's view, whichever other view resolvers the test class path
			// brings
			return new ModelAndView(this.resolver.resolveViewName("mu-page", Locale.ROOT));
		}

	}

}
