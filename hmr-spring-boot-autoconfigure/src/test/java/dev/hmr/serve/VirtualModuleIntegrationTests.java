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

package dev.hmr.serve;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.channel.TestHotClient;
import dev.hmr.graph.ModuleNode;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.payload.UpdatePayload;
import dev.hmr.plugin.HmrContext;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.plugin.ModuleIds;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Vite-style virtual module on the real stack: a plugin bean's {@code resolveId} and
 * {@code load} give {@code 'virtual:greeting'}, served at
 * {@code /@id/__x00__virtual:greeting} through the same transform as files, hot-updated
 * when the plugin returns it from {@code handleHotUpdate}, and invalidated to its
 * importer by {@code vite:invalidate}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(BrowserExtension.class)
class VirtualModuleIntegrationTests {

	static final String ID = "\0virtual:greeting";

	static final String URL = "/@id/__x00__virtual:greeting";

	private static final TestProject project = TestProject.create("hmr-virtual")
		.with("static/data/greeting.txt", "hello")
		.with("static/virtual.html", """
				<!doctype html>
				<html><head><title>Virtual</title><script type="module" src="/main.js"></script></head>
				<body><p id="out"></p></body></html>
				""")
		.with("static/main.js", "import { greeting } from 'virtual:greeting';\nimport.meta.hot.accept();\n");

	private static final AtomicInteger transforms = new AtomicInteger();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void anImportOfTheVirtualModuleIsRewrittenToItsIdUrl() throws Exception {
		HttpResponse<String> main = module("/main.js");

		assertThat(main.statusCode()).isEqualTo(200);
		// with ?t= once another test has hot-updated it
		assertThat(main.body())
			.containsPattern("import \\{ greeting \\} from \"" + Pattern.quote(URL) + "(\\?t=\\d+)?\";");
	}

	@Test
	void theVirtualModuleIsServedThroughTheTransformWithItsHotContextAndCountsItsTransforms() throws Exception {
		HttpResponse<String> first = module(URL);
		HttpResponse<String> second = module(URL);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(first.body()).contains("__vite__createHotContext(\"" + URL + "\")")
			.contains("export const greeting = ");
		int count = Integer.parseInt(first.body().replaceAll("(?s).*export const transforms = (\\d+);.*", "$1"));
		assertThat(second.body()).contains("export const transforms = " + (count + 1) + ";");
		assertThat(module("/@id/__x00__virtual:unknown").statusCode()).isEqualTo(404);
	}

	@Test
	void theVirtualModuleIsHotUpdatedWhenThePluginReturnsItForAChange() throws Exception {
		assertThat(module("/main.js").statusCode()).isEqualTo(200);
		assertThat(module(URL).statusCode()).isEqualTo(200);
		try (TestHotClient client = TestHotClient.connectedBrowser(this.port)) {
			project.edit("static/data/greeting.txt", (text) -> "bonjour");

			Update update = takeUpdate(client);
			assertThat(update.type()).isEqualTo(Update.Type.JS_UPDATE);
			assertThat(update.path()).isEqualTo(URL);
			assertThat(update.acceptedPath()).isEqualTo(URL);
		}
		assertThat(module(URL).body()).contains("\"bonjour\"");
	}

	@Test
	void viteInvalidateFromTheVirtualModuleUpdatesItsImporter() throws Exception {
		assertThat(module("/main.js").statusCode()).isEqualTo(200);
		assertThat(module(URL).statusCode()).isEqualTo(200);
		try (TestHotClient client = TestHotClient.connectedBrowser(this.port)) {
			// as in a browser: the update reached the module, whose accept callback
			// invalidates
			project.edit("static/data/greeting.txt", (text) -> text + "!");
			assertThat(takeUpdate(client).path()).isEqualTo(URL);
			client.sendText("{\"type\":\"custom\",\"event\":\"vite:invalidate\",\"data\":{\"path\":\"" + URL
					+ "\",\"message\":\"cannot accept\",\"firstInvalidatedBy\":\"" + URL + "\"}}");

			Update update = takeUpdate(client);
			assertThat(update.path()).isEqualTo("/main.js");
			assertThat(update.acceptedPath()).isEqualTo("/main.js");
		}
	}

	@Test
	void aPageRunsTheVirtualModuleAndItsHotUpdateInChromium(Browser browser) throws IOException {
		// whatever the other tests left in it
		String greeting = Files.readString(GreetingPlugin.greetingFile()).trim();
		browser.open("http://localhost:" + this.port + "/virtual.html");
		browser.awaitText("#out", greeting);
		browser.markWindow();

		project.edit("static/data/greeting.txt", (text) -> greeting + " again");

		browser.awaitText("#out", greeting + " again");
		assertThat(browser.wasReloaded()).isFalse();
	}

	private static Update takeUpdate(TestHotClient client) {
		HotPayload payload = client.takePayload();
		while (!(payload instanceof UpdatePayload)) {
			payload = client.takePayload();
		}
		return ((UpdatePayload) payload).updates().get(0);
	}

	private HttpResponse<String> module(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", "*/*", "Sec-Fetch-Dest", "script");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		GreetingPlugin greetingPlugin() {
			return new GreetingPlugin();
		}

		@Bean
		CountingPlugin countingPlugin() {
			return new CountingPlugin();
		}

	}

	/** Vite's virtual module example, its content from a data file. */
	static class GreetingPlugin implements HmrPlugin {

		@Override
		public @Nullable String resolveId(String source, String importer) {
			return source.equals("virtual:greeting") ? ID : null;
		}

		@Override
		public @Nullable String load(String id) throws IOException {
			if (!id.equals(ID)) {
				return null;
			}
			String greeting = Files.readString(greetingFile()).trim();
			return "export const greeting = " + JsonMapper.shared().writeValueAsString(greeting) + ";\n"
					+ "document.getElementById('out') && (document.getElementById('out').textContent = greeting);\n"
					+ "import.meta.hot.accept();\n";
		}

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) {
			if (!context.getFile().getFileName().toString().equals("greeting.txt")) {
				return null;
			}
			ModuleNode module = context.getServer().getModuleGraph().getModuleByUrl(ModuleIds.toUrl(ID));
			return (module != null) ? List.of(module) : null;
		}

		private static Path greetingFile() {
			return project.resolve("static/data/greeting.txt");
		}

	}

	/** Counts its transforms of the virtual module, in the module. */
	static class CountingPlugin implements HmrPlugin {

		@Override
		public @Nullable String transform(String code, String id) {
			return id.equals(ID) ? code + "export const transforms = " + transforms.incrementAndGet() + ";\n" : null;
		}

	}

}
