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

package dev.hmr.actuate;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.HmrToken;
import dev.hmr.channel.TestHotClient;
import dev.hmr.graph.ModuleNode;
import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.plugin.HmrContext;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.testsupport.TestFiles;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code hmr} endpoint and the {@code hmr.*} meters of a real application, with a
 * real browser socket connected and files saved in a real project folder.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "hmr.enabled=true",
		"hmr.watch.roots=${test.roots}", "management.endpoints.web.exposure.include=hmr,metrics" })
class HmrActuateIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-actuate")
		.with("static/self/main.js", "import { count } from './counter.js';\nconsole.log(count);\n")
		.with("static/self/counter.js", "export let count = 0;\nimport.meta.hot.accept();\n")
		.with("static/broken/broken.js", "export const broken = 0;\n");

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private HmrToken token;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("test.roots", () -> project.roots("static"));
	}

	@BeforeEach
	void connect() {
		this.browser = TestHotClient.to(URI.create("ws://localhost:" + this.port + "/@hmr"))
			.subprotocols("vite-hmr")
			.connect();
		assertThat(this.browser.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
	}

	@AfterEach
	void disconnect() {
		this.browser.close();
	}

	@Test
	void theEndpointShowsTheBrowserTheWatcherTheGraphAndTheLastUpdate() throws Exception {
		TestHttp.load(this.port, "/self/main.js", "/self/counter.js");
		project.write("static/self/counter.js", "export let count = 1;\nimport.meta.hot.accept();\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.path()).isEqualTo("/self/counter.js");

		// the previous test's browser may still be on its way out
		await().untilAsserted(() -> assertThat(hmr("").path("clients")).hasSize(1));
		JsonNode hmr = hmr("");
		JsonNode clients = hmr.path("clients");
		assertThat(clients.get(0).path("id").asString()).isNotBlank();
		assertThat(clients.get(0).path("remoteAddress").asString()).startsWith("127.0.0.1:");
		assertThat(clients.get(0).path("since").asString()).isNotBlank();
		assertThat(clients.get(0).path("queuedBytes").isNumber()).isTrue();
		assertThat(hmr.path("watcher").path("running").asBoolean()).isTrue();
		assertThat(hmr.path("watcher").path("notifier").asString()).isEqualTo("inotify");
		assertThat(hmr.path("watcher").path("roots").get(0).asString()).isEqualTo(project.resolve("static").toString());
		assertThat(hmr.path("graph").path("modules").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(hmr.path("graph").has("selected")).isFalse();
		JsonNode last = hmr.path("updates").get(0);
		assertThat(last.path("file").asString()).isEqualTo(project.resolve("static/self/counter.js").toString());
		assertThat(last.path("type").asString()).isEqualTo("update");
		assertThat(last.path("paths").get(0).asString()).isEqualTo("/self/counter.js");
		assertThat(last.path("latencyMillis").asDouble()).isGreaterThanOrEqualTo(0);
		assertThat(last.path("savedAt").asString()).isNotBlank();
	}

	@Test
	void theEndpointShowsAModuleByUrlOrByFile() throws Exception {
		TestHttp.load(this.port, "/self/main.js", "/self/counter.js");
		for (String query : List.of("?url=/self/counter.js", "?file=self/counter.js",
				"?file=" + project.resolve("static/self/counter.js"))) {
			JsonNode selected = hmr(query).path("graph").path("selected");
			assertThat(selected).as(query).hasSize(1);
			JsonNode counter = selected.get(0);
			assertThat(counter.path("url").asString()).isEqualTo("/self/counter.js");
			assertThat(counter.path("type").asString()).isEqualTo("js");
			assertThat(counter.path("importers").get(0).asString()).isEqualTo("/self/main.js");
			assertThat(counter.path("selfAccepting").asBoolean()).isTrue();
		}
		JsonNode main = hmr("?url=/self/main.js").path("graph").path("selected").get(0);
		assertThat(main.path("imports").get(0).asString()).isEqualTo("/self/counter.js");
		assertThat(hmr("?url=/not/loaded.js").path("graph").path("selected")).isEmpty();
		assertThat(hmr("?file=../outside.js").path("graph").path("selected")).isEmpty();
	}

	@Test
	void aFileThatIsNoPathIsABadRequest() throws Exception {
		HttpResponse<String> response = TestHttp.get(this.port, "/actuator/hmr?file=%00");
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void theEndpointShowsTheLastErrorAndNeverTheToken() throws Exception {
		project.write("static/broken/broken.js", "export const broken = 1;\n");
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(ErrorPayload.class);
		HttpResponse<String> response = TestHttp.get(this.port, "/actuator/hmr");
		assertThat(response.body()).doesNotContain(this.token.value());
		JsonNode hmr = json.readTree(response.body());
		assertThat(hmr.path("lastError").path("message").asString()).isEqualTo("broken on purpose");
		assertThat(hmr.path("lastError").path("plugin").asString()).isEqualTo("breaking");
		assertThat(hmr.path("updates").get(0).path("type").asString()).isEqualTo("error");
	}

	@Test
	void theMetersCountTheUpdate() throws Exception {
		TestHttp.load(this.port, "/self/main.js", "/self/counter.js");
		double updatesBefore = sent("update");
		long timedBefore = timed("update");
		project.write("static/self/counter.js", "export let count = 2;\nimport.meta.hot.accept();\n");
		assertThat(TestFiles.single(this.browser.takePayload()).path()).isEqualTo("/self/counter.js");
		await().untilAsserted(() -> {
			assertThat(sent("update")).isEqualTo(updatesBefore + 1);
			assertThat(timed("update")).isEqualTo(timedBefore + 1);
			assertThat(this.registry.get("hmr.clients").gauge().value()).isEqualTo(1);
		});
		assertThat(sent("connected")).isGreaterThanOrEqualTo(1);
		assertThat(this.registry.get("hmr.graph.modules").gauge().value()).isGreaterThanOrEqualTo(2);
		assertThat(this.registry.get("hmr.clients.dropped").functionCounter().count()).isZero();
		JsonNode metric = json
			.readTree(TestHttp.get(this.port, "/actuator/metrics/hmr.payloads.sent?tag=type:update").body());
		assertThat(metric.path("measurements").get(0).path("value").asDouble()).isEqualTo(updatesBefore + 1);
	}

	private double sent(String type) {
		return this.registry.get("hmr.payloads.sent").tag("type", type).functionCounter().count();
	}

	private long timed(String type) {
		Timer timer = this.registry.find("hmr.update.latency").tag("type", type).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private JsonNode hmr(String query) throws Exception {
		HttpResponse<String> response = TestHttp.get(this.port, "/actuator/hmr" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		HmrPlugin breakingPlugin() {
			return new HmrPlugin() {

				@Override
				public String getName() {
					return "breaking";
				}

				@Override
				public List<ModuleNode> handleHotUpdate(HmrContext context) {
					if (context.getFile().getFileName().toString().equals("broken.js")) {
						throw new IllegalStateException("broken on purpose");
					}
					return null;
				}

			};
		}

	}

}
