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

package dev.hmr.adversarial;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.TestHotClient;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.payload.HotPayloadCodec;
import dev.hmr.payload.UpdatePayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile page requests a module under thousands of spellings (junk queries,
 * {@code ;jsessionid}, doubled slashes, percent-escapes): each is served, none is a
 * module of its own, and the next save sends one small update.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.watch.roots=${test.roots}" })
class JunkUrlsIntegrationTests {

	/**
	 * 2,000 in the default build; the figures run 20,000
	 * ({@code -Dhmr.adversarial.junk-requests=20000}).
	 */
	static final int JUNK_REQUESTS = Integer.getInteger("hmr.adversarial.junk-requests", 2_000);

	private static final TestProject project = TestProject.create("junk-urls")
		.with("static/app.js", "export let count = 0;\nimport.meta.hot.accept();\n")
		.with("static/css/site.css", "body { color: red }\n");

	@LocalServerPort
	private int port;

	@Autowired
	private ModuleGraph graph;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("test.roots", () -> project.roots("static"));
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
	void junkSpellingsOfAModuleMakeNoModulesAndASaveSendsOneSmallUpdate() throws Exception {
		TestHttp.load(this.port, "/app.js");
		int before = this.graph.size();
		assertThat(getAll(this.port, JUNK_REQUESTS, JunkUrlsIntegrationTests::junkSpellingOfApp)).isZero();
		assertThat(this.graph.size()).isEqualTo(before);
		assertThat(this.graph.getModulesByFile(project.resolve("static/app.js"))).hasSize(1);
		project.write("static/app.js", "export let count = 1;\nimport.meta.hot.accept();\n");
		String frame = this.browser.takeText(TestHotClient.TIMEOUT);
		assertThat(frame).hasSizeLessThan(512).contains("\"path\":\"/app.js\"");
		assertThat(((UpdatePayload) new HotPayloadCodec().read(frame)).updates()).hasSize(1);
		Figures.print(
				"junk URLs: %,d junk spellings of one module served, the graph still holds %d module(s) "
						+ "for it, the save's frame is %d bytes",
				JUNK_REQUESTS, this.graph.getModulesByFile(project.resolve("static/app.js")).size(), frame.length());
	}

	@Test
	void junkQueriesOfALinkedStylesheetKeepItToTwoModules() throws Exception {
		assertThat(getAll(this.port, 2_000, (i) -> "/css/site.css?v=" + i + ((i % 2 == 0) ? "&direct" : ""), "Accept",
				"text/css"))
			.isZero();
		assertThat(getAll(this.port, 2_000, (i) -> "/css/site.css?v=" + i, "Sec-Fetch-Dest", "script")).isZero();
		assertThat(this.graph.getModulesByFile(project.resolve("static/css/site.css")))
			.extracting((module) -> module.getUrl())
			.containsExactlyInAnyOrder("/css/site.css?direct", "/css/site.css");
	}

	static String junkSpellingOfApp(int i) {
		return switch (i % 6) {
			case 0 -> "/app.js?x=" + i;
			case 1 -> "/app.js;jsessionid=" + i;
			case 2 -> "/app.js?t=" + i + "&import";
			case 3 -> "/%61pp.js?v=" + i;
			case 4 -> "//app.js?" + i;
			default -> "/./app.js;v=" + i + "?direct&raw&url&" + i;
		};
	}

	/**
	 * GET many URLs, a few at a time.
	 * @return how many did not answer 200
	 */
	static int getAll(int port, int count, IntFunction<String> url, String... headers) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Semaphore inFlight = new Semaphore(8);
		AtomicInteger failures = new AtomicInteger();
		List<CompletableFuture<?>> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url.apply(i)))
				.timeout(TestHotClient.TIMEOUT);
			if (headers.length > 0) {
				request.headers(headers);
			}
			inFlight.acquire();
			requests.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					inFlight.release();
					if (failure != null || response.statusCode() != 200) {
						failures.incrementAndGet();
					}
				}));
		}
		CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
		return failures.get();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
