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

package dev.hmr.jte;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
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
import org.springframework.web.servlet.ModelAndView;

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jte with its Spring Boot starter and no jte setting of the application's: while HMR is
 * active the starter puts jte in development mode (without it, jte's auto-configuration
 * refuses to start), so templates are compiled from the source folder, a save reloads the
 * pages, and the reloaded page shows the saved template (issue #10). The class path holds
 * no templates.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrJteIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-jte")
		.with("static/app.js", "export {};\n")
		.with("src/main/jte/jte-page.jte", """
				<!doctype html><html><head><title>j</title></head><body><p>@template.jte-part()</p></body></html>
				""")
		.with("src/main/jte/jte-part.jte", "before");

	@LocalServerPort
	private int port;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) throws IOException {
		registry.add("hmr.watch.roots", () -> project.roots("static", "src/main/jte"));
		// jte's starter takes the location as a path relative to the working directory
		// (its leading slash is dropped), as src/main/jte is by default
		registry.add("gg.jte.template-location",
				() -> Path.of("").toAbsolutePath().relativize(project.resolve("src/main/jte")).toString());
		Path classes = Files.createTempDirectory("hmr-jte-classes");
		registry.add("gg.jte.class-directory", classes::toString);
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
	void aTemplateIsCompiledFromTheSourcesAndASavedOneShowsAfterItsReload() throws Exception {
		assertThat(page()).contains("<p>before</p>").contains("/@vite/client");
		Path part = project.write("src/main/jte/jte-part.jte", "after");
		assertThat(this.browser.takePayload()).isEqualTo(new FullReloadPayload("*", part.toString()));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> page().contains("<p>after</p>"));
	}

	@Test
	void theTemplatesAreNeverServedAsFiles() throws Exception {
		assertThat(TestHttp.get(this.port, "/jte-part.jte").statusCode()).isEqualTo(404);
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

		private final JteViewResolver resolver;

		PageController(JteViewResolver resolver) {
			this.resolver = resolver;
		}

		@GetMapping("/page")
		ModelAndView page() throws Exception {
			// this engine's view, whichever other view resolvers the test class path
			// brings
			return new ModelAndView(this.resolver.resolveViewName("jte-page", Locale.ROOT));
		}

	}

}
