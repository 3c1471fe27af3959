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
import java.nio.file.Files;
import java.nio.file.Path;

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
 * Thymeleaf with a prefix the application chose ({@code classpath:/views/}, issue #10):
 * the templates are read uncached from the watched source folder of that name, so a saved
 * template is what the reload shows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "spring.thymeleaf.prefix=classpath:/views/" })
class HmrThymeleafCustomPrefixIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-thymeleaf-views")
		.with("static/app.js", "export {};\n")
		.with("views/edited.html",
				"<!doctype html><html><head><title>e</title></head><body><p>before</p></body></html>");

	@LocalServerPort
	private int port;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "views"));
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
	void aSavedTemplateUnderACustomPrefixIsRenderedFromSourceAfterAFullReload() throws Exception {
		assertThat(get("/edited")).contains("<p>before</p>");
		Path template = project.resolve("views/edited.html");
		Files.writeString(template,
				"<!doctype html><html><head><title>e</title></head><body><p>after</p></body></html>");
		assertThat(this.browser.takePayload()).isInstanceOf(FullReloadPayload.class);
		assertThat(get("/edited")).contains("<p>after</p>").doesNotContain("before");
	}

	private String get(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", "text/html").body();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ViewsController.class)
	static class TestApplication {

	}

	@Controller
	static class ViewsController {

		@GetMapping("/edited")
		String edited() {
			return "edited";
		}

	}

}
