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

package dev.hmr.engine;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

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

import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.CustomPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire of in-place page updates (issue 12): which clients get
 * {@code hmr:template-update} and which keep getting {@code full-reload}, decided by the
 * templates each page's render used, on a real socket and a real Spring context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class PageUpdatesIntegrationTests {

	private static final Pattern PAGE_ID = Pattern.compile("hmr-page;desc=\"([A-Za-z0-9-]+)\"");

	private static final TestProject project = TestProject.create("hmr-page-wire")
		.with("static/app.js", "export {};\n")
		.with("static/about.html", "<!doctype html><html><head><title>a</title></head><body>about</body></html>")
		.with("templates/with-part.html", """
				<!doctype html>
				<html xmlns:th="http://www.thymeleaf.org"><head><title>w</title></head>
				<body><div th:replace="~{part :: item}"></div></body></html>
				""")
		.with("templates/part.html", """
				<html xmlns:th="http://www.thymeleaf.org"><div th:fragment="item">item</div></html>
				""")
		.with("templates/alone.html", """
				<!doctype html>
				<html><head><title>alone</title></head><body>alone</body></html>
				""");

	@LocalServerPort
	private int port;

	@Autowired
	private PageUpdates pageUpdates;

	@Autowired
	private ServerHotChannel channel;

	private TestHotClient morphing;

	private TestHotClient other;

	private TestHotClient stock;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@BeforeEach
	void noClientLeft() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.channel.clients().isEmpty() && this.pageUpdates.morphingClientCount() == 0);
	}

	@AfterEach
	void disconnect() {
		for (TestHotClient client : new TestHotClient[] { this.morphing, this.other, this.stock }) {
			if (client != null) {
				client.close();
			}
		}
	}

	@Test
	void aFragmentEditGoesToThePagesThatUsedItAndAFullReloadToClientsThatCannotMorph() throws Exception {
		this.morphing = morphingClient(pageId("/with-part"));
		this.other = morphingClient(pageId("/alone"));
		this.stock = TestHotClient.connectedBrowser(this.port);

		Path part = edit("templates/part.html");

		HotPayload update = this.morphing.takePayload();
		assertThat(update).isInstanceOf(CustomPayload.class);
		CustomPayload custom = (CustomPayload) update;
		assertThat(custom.event()).isEqualTo(PageUpdates.TEMPLATE_UPDATE);
		assertThat(custom.data()).asString().contains("part.html");
		assertThat(this.stock.takePayload()).isEqualTo(new FullReloadPayload("*", part.toString()));
		assertNothingBeforeTheNextMessage(this.other);
	}

	@Test
	void aStaticPageEditGoesToItsOwnPagesAndThePageReloadToTheOthers() throws Exception {
		this.morphing = morphingClient(pageId("/about.html"));
		this.other = morphingClient(pageId("/alone"));
		this.stock = TestHotClient.connectedBrowser(this.port);

		edit("static/about.html");

		assertThat(this.morphing.takePayload()).isInstanceOf(CustomPayload.class);
		assertThat(this.stock.takePayload()).isEqualTo(FullReloadPayload.page("/about.html"));
		assertNothingBeforeTheNextMessage(this.other);
	}

	@Test
	void aPageTheServerDoesNotKnowCountsAsUsingEveryTemplate() throws Exception {
		this.morphing = morphingClient("not-a-page-we-served");
		this.other = morphingClient("../bad id\nwith a line break");

		edit("templates/part.html");

		assertThat(this.morphing.takePayload()).isInstanceOf(CustomPayload.class);
		assertThat(this.other.takePayload()).isInstanceOf(CustomPayload.class);
	}

	@Test
	void aFragmentResponseHasNoPageId() throws Exception {
		HttpResponse<String> page = TestHttp.get(this.port, "/with-part", "Accept", "text/html");
		assertThat(page.headers().firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).matches(PAGE_ID));
		HttpResponse<String> module = TestHttp.get(this.port, "/app.js");
		assertThat(module.headers().firstValue("Server-Timing")).isEmpty();
	}

	private String pageId(String path) throws IOException, InterruptedException {
		HttpResponse<String> page = TestHttp.get(this.port, path, "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		String timing = page.headers().firstValue("Server-Timing").orElseThrow();
		Matcher matcher = PAGE_ID.matcher(timing);
		assertThat(matcher.find()).as(timing).isTrue();
		return matcher.group(1);
	}

	private TestHotClient morphingClient(String page) {
		int before = this.pageUpdates.morphingClientCount();
		TestHotClient client = TestHotClient.connectedBrowser(this.port);
		client.sendText("{\"type\":\"custom\",\"event\":\"hmr:morph-ready\",\"data\":"
				+ JsonMapper.shared().writeValueAsString(Map.of("page", page)) + "}");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.pageUpdates.morphingClientCount() == before + 1);
		return client;
	}

	/** A message sent to every client after the edit comes first: the edit sent none. */
	private void assertNothingBeforeTheNextMessage(TestHotClient client) {
		this.channel.send("test:sentinel", null);
		assertThat(client.takePayload()).isEqualTo(new CustomPayload("test:sentinel", null));
	}

	private static Path edit(String relative) throws IOException {
		Path file = project.resolve(relative);
		Files.writeString(file, Files.readString(file).replace("</html>", "<!-- edited --></html>"));
		return file;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PagesController.class)
	static class TestApplication {

	}

	@Controller
	static class PagesController {

		@GetMapping("/with-part")
		String withPart() {
			return "with-part";
		}

		@GetMapping("/alone")
		String alone() {
			return "alone";
		}

	}

}
