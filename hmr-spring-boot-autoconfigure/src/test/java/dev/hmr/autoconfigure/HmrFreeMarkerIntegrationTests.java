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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.freemarker.FreeMarkerViewResolver;

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.serve.RenderedPages;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FreeMarker (Spring Boot's auto-configuration, `.ftlh` templates with an `#include`)
 * reads templates from the watched source folder, uncached: a saved template is what the
 * reload its save sends shows (issue #10). The class path holds no templates.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrFreeMarkerIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-freemarker")
		.with("static/app.js", "export {};\n")
		.with("templates/fm-page.ftlh", """
				<!doctype html><html><head><title>f</title></head><body><p><#include "fm-part.ftlh"></p></body></html>
				""")
		.with("templates/fm-part.ftlh", "before")
		.with("templates/fm-broken.ftlh", """
				<!doctype html><html><head><title>b</title></head><body>
				<p>
				  ${1 +}
				</p></body></html>
				""")
		.with("templates/fm-failing.ftlh", """
				<!doctype html><html><head><title>f</title></head><body>
				<p>${missing.value}</p>
				</body></html>
				""");

	@LocalServerPort
	private int port;

	@Autowired
	private RenderedPages pages;

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
		Path part = project.write("templates/fm-part.ftlh", "after");
		assertThat(this.browser.takePayload()).isEqualTo(new FullReloadPayload("*", part.toString()));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> page().contains("<p>after</p>"));
	}

	@Test
	void aPageRecordsTheTemplatesItsRenderUsedSoThatOnlyTheirEditsUpdateIt() throws Exception {
		HttpResponse<String> response = TestHttp.get(this.port, "/page", "Accept", "text/html");
		String timing = response.headers().firstValue("Server-Timing").orElseThrow();
		String id = timing.substring(timing.indexOf('"') + 1, timing.indexOf('"', timing.indexOf('"') + 1));
		assertThat(this.pages.usesOf(id)).containsExactlyInAnyOrder(
				RenderedPages.fileKey(project.resolve("templates/fm-page.ftlh")),
				RenderedPages.fileKey(project.resolve("templates/fm-part.ftlh")));
		assertThat(this.pages.isAffected(id, List.of(RenderedPages.fileKey(project.resolve("templates/fm-part.ftlh")))))
			.isTrue();
		assertThat(
				this.pages.isAffected(id, List.of(RenderedPages.fileKey(project.resolve("templates/fm-broken.ftlh")))))
			.isFalse();
	}

	@Test
	void aTemplateThatDoesNotParseShowsTheOverlayWithItsFileAndLine() throws Exception {
		HttpResponse<String> response = TestHttp.get(this.port, "/page?view=fm-broken", "Accept", "text/html");
		Path file = project.resolve("templates/fm-broken.ftlh");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("new ErrorOverlay(").contains(file + ":3:");
		assertThat(this.browser.takePayload()).isInstanceOfSatisfying(ErrorPayload.class, (payload) -> {
			assertThat(payload.err().plugin()).isEqualTo("freemarker");
			assertThat(payload.err().id()).isEqualTo(file.toString());
			assertThat(payload.err().loc()).isNotNull();
			assertThat(payload.err().loc().file()).isEqualTo(file.toString());
			assertThat(payload.err().loc().line()).isEqualTo(3);
			assertThat(payload.err().frame()).contains("3  |    ${1 +}").contains("^");
			assertThat(payload.err().stack()).isEmpty();
		});
	}

	@Test
	void aTemplateThatFailsWhileItRendersShowsTheOverlayWithItsFileAndLine() throws Exception {
		HttpResponse<String> response = TestHttp.get(this.port, "/page?view=fm-failing", "Accept", "text/html");
		Path file = project.resolve("templates/fm-failing.ftlh");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("new ErrorOverlay(").doesNotContain("<p>");
		assertThat(this.browser.takePayload()).isInstanceOfSatisfying(ErrorPayload.class, (payload) -> {
			assertThat(payload.err().plugin()).isEqualTo("freemarker");
			assertThat(payload.err().message()).contains("missing");
			assertThat(payload.err().loc()).isNotNull();
			assertThat(payload.err().loc().file()).isEqualTo(file.toString());
			assertThat(payload.err().loc().line()).isEqualTo(2);
			assertThat(payload.err().stack()).isEmpty();
		});
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

		private final FreeMarkerViewResolver resolver;

		PageController(FreeMarkerViewResolver resolver) {
			this.resolver = resolver;
		}

		@GetMapping("/page")
		ModelAndView page(@RequestParam(defaultValue = "fm-page") String view) throws Exception {
			// this engine's view, whichever other view resolvers the test class path
			// brings
			return new ModelAndView(this.resolver.resolveViewName(view, Locale.ROOT));
		}

	}

}
