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

package dev.hmr.plugin;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.TestHotClient;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.graph.ModuleNode;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.testsupport.TestFiles;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HmrPlugin} beans on a real server (issues #3 and #4): their order, what each
 * hands the next, narrowing and swallowing an update, custom events, failures, and the
 * {@code load}/{@code transform} hooks serving a custom file type. Each plugin acts only
 * on its own folder of the project, so the tests do not see each other's plugins.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrPluginIntegrationTests {

	private static final TestProject project = createProject();

	private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":(\\d{13})");

	@LocalServerPort
	private int port;

	@Autowired
	private OrderRecordingPlugin recorder;

	@Autowired
	private ModuleGraph graph;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
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
	void pluginsRunInTheirOrderAndEachSeesThePreviousOnesModules() throws Exception {
		TestHttp.load(this.port, "/order/main.js", "/order/a.js", "/order/b.js");
		project.write("static/order/a.js", "export const a = 2;\nimport.meta.hot.accept();\n");
		Update update = TestFiles.single(this.browser.takePayload());
		// The first plugin replaced a.js's module by b.js's: the second saw that, and so
		// did propagation
		assertThat(this.recorder.seen).containsExactly("replacing: [/order/a.js]", "recording: [/order/b.js]");
		assertThat(update.path()).isEqualTo("/order/b.js");
		assertThat(update.acceptedPath()).isEqualTo("/order/b.js");
	}

	@Test
	void aSubsetOfTheModulesNarrowsTheUpdate() throws Exception {
		assertThat(get("/narrow/style.css", "text/css,*/*;q=0.1").statusCode()).isEqualTo(200);
		TestHttp.load(this.port, "/narrow/main.js", "/narrow/style.css");
		project.write("static/narrow/style.css", "p { color: green; }\n");
		String json = this.browser.takeText(TestHotClient.TIMEOUT);
		assertThat(json).isEqualTo("{\"type\":\"update\",\"updates\":[{\"type\":\"css-update\",\"timestamp\":"
				+ timestampOf(json)
				+ ",\"path\":\"/narrow/style.css?direct\",\"acceptedPath\":\"/narrow/style.css?direct\",\"explicitImportRequired\":false,\"isWithinCircularImport\":false}]}");
	}

	@Test
	void anEmptyListSwallowsTheUpdate() throws Exception {
		TestHttp.load(this.port, "/swallow/main.js", "/swallow/eaten.js", "/swallow/kept.js");
		project.write("static/swallow/eaten.js", "export const eaten = 2;\nimport.meta.hot.accept();\n");
		project.write("static/swallow/kept.js", "export const kept = 2;\nimport.meta.hot.accept();\n");
		// The next payload is kept.js's: nothing was sent for eaten.js in between
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.path()).isEqualTo("/swallow/kept.js");
	}

	@Test
	void aPluginCanReadTheFileAndSendACustomEvent() throws Exception {
		project.write("static/custom/message.txt", "hello from the file");
		assertThat(this.browser.takeText(TestHotClient.TIMEOUT)).isEqualTo(
				"{\"type\":\"custom\",\"event\":\"message-changed\",\"data\":{\"text\":\"hello from the file\"}}");
	}

	@Test
	void aThrowingHookSendsAnErrorNamingThePluginAndTheFileAndTheEngineGoesOn() throws Exception {
		TestHttp.load(this.port, "/throw/main.js", "/throw/bad.js", "/throw/good.js");
		project.write("static/throw/bad.js", "export const bad = 2;\nimport.meta.hot.accept();\n");
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(ErrorPayload.class);
		HotError error = ((ErrorPayload) payload).err();
		assertThat(error.plugin()).isEqualTo("throwing");
		assertThat(error.id()).isEqualTo(project.resolve("static/throw/bad.js").toString());
		assertThat(error.message()).contains("hot update refused");
		project.write("static/throw/good.js", "export const good = 2;\nimport.meta.hot.accept();\n");
		assertThat(TestFiles.single(this.browser.takePayload()).path()).isEqualTo("/throw/good.js");
	}

	@Test
	void aLoadHookServesACustomFileTypeAsAModuleInTheGraph() throws Exception {
		HttpResponse<String> page = get("/x/page.js", "*/*");
		assertThat(page.statusCode()).isEqualTo(200);
		// Like Vite, an import of a file that is not JavaScript is marked ?import
		assertThat(page.body()).contains("from \"/x/data.myext?import\"");
		HttpResponse<String> data = get("/x/data.myext?import", "*/*");
		assertThat(data.statusCode()).isEqualTo(200);
		assertThat(data.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(data.body()).isEqualTo("export default \"one\";\n");
		ModuleNode node = this.graph.getModuleByUrl("/x/data.myext");
		assertThat(node).isNotNull();
		assertThat(node.getFile()).isEqualTo(project.resolve("static/x/data.myext"));
		assertThat(node.getImporters()).extracting(ModuleNode::getUrl).containsExactly("/x/page.js");
		project.write("static/x/data.myext", "two");
		assertThat(this.browser.takeText(TestHotClient.TIMEOUT))
			.isEqualTo("{\"type\":\"custom\",\"event\":\"myext-update\",\"data\":{\"value\":\"two\"}}");
		HttpResponse<String> reloaded = get("/x/data.myext?import&t=1", "*/*");
		assertThat(reloaded.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(reloaded.body()).isEqualTo("export default \"two\";\n");
	}

	@Test
	void aFetchOfAFilePluginsServeAsModulesGetsTheFileAsItIsAndRecordsNothing() throws Exception {
		project.write("static/x/menu.myext", "raw menu");
		HttpResponse<String> fetched = TestHttp.get(this.port, "/x/menu.myext", "Accept", "*/*", "Sec-Fetch-Dest",
				"empty");
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.body()).isEqualTo("raw menu");
		assertThat(fetched.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).doesNotStartWith("text/javascript"));
		assertThat(this.graph.getModuleByUrl("/x/menu.myext")).isNull();
		HttpResponse<String> imported = TestHttp.get(this.port, "/x/menu.myext", "Accept", "*/*", "Sec-Fetch-Dest",
				"script");
		assertThat(imported.body()).isEqualTo("export default \"raw menu\";\n");
		assertThat(this.graph.getModuleByUrl("/x/menu.myext")).isNotNull();
	}

	@Test
	void aPlainGetOfAStylesheetGetsTheCssAndMakesNoModuleOfIt() throws Exception {
		project.write("static/plain/site.css", "body { color: red; }");
		HttpResponse<String> fetched = TestHttp.get(this.port, "/plain/site.css", "Accept", "*/*");
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.body()).isEqualTo("body { color: red; }");
		assertThat(this.graph.getModuleByUrl("/plain/site.css")).isNull();
		assertThat(this.graph.getModuleByUrl("/plain/site.css?direct")).isNull();
	}

	@Test
	void aThrowingLoadHookAnswers500AndSendsAnError() throws Exception {
		HttpResponse<String> response = get("/x/broken.boom?import", "*/*");
		assertThat(response.statusCode()).isEqualTo(500);
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(ErrorPayload.class);
		HotError error = ((ErrorPayload) payload).err();
		assertThat(error.plugin()).isEqualTo("myext");
		assertThat(error.id()).isEqualTo(project.resolve("static/x/broken.boom").toString());
		assertThat(error.message()).contains("cannot load");
		assertThat(get("/x/data.myext?import", "*/*").statusCode()).isEqualTo(200);
	}

	@Test
	void aThrowingTransformHookAnswers500AndSendsAnError() throws Exception {
		HttpResponse<String> response = get("/x/untransformable.js", "*/*");
		assertThat(response.statusCode()).isEqualTo(500);
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(ErrorPayload.class);
		HotError error = ((ErrorPayload) payload).err();
		assertThat(error.plugin()).isEqualTo("myext");
		assertThat(error.id()).isEqualTo(project.resolve("static/x/untransformable.js").toString());
		assertThat(error.message()).contains("cannot transform");
	}

	private static String timestampOf(String json) {
		Matcher matcher = TIMESTAMP.matcher(json);
		assertThat(matcher.find()).as(json).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", accept);
	}

	private static TestProject createProject() {
		return TestProject.create("hmr-plugins")
			.with("static/order/main.js", "import './a.js';\nimport './b.js';\n")
			.with("static/order/a.js", "export const a = 1;\nimport.meta.hot.accept();\n")
			.with("static/order/b.js", "export const b = 1;\nimport.meta.hot.accept();\n")
			.with("static/narrow/main.js", "import './style.css';\n")
			.with("static/narrow/style.css", "p { color: red; }\n")
			.with("static/swallow/main.js", "import './eaten.js';\nimport './kept.js';\n")
			.with("static/swallow/eaten.js", "export const eaten = 1;\nimport.meta.hot.accept();\n")
			.with("static/swallow/kept.js", "export const kept = 1;\nimport.meta.hot.accept();\n")
			.with("static/custom/message.txt", "nothing yet")
			.with("static/throw/main.js", "import './bad.js';\nimport './good.js';\n")
			.with("static/throw/bad.js", "export const bad = 1;\nimport.meta.hot.accept();\n")
			.with("static/throw/good.js", "export const good = 1;\nimport.meta.hot.accept();\n")
			.with("static/x/page.js", "import data from './data.myext';\nconsole.log(data);\n")
			.with("static/x/data.myext", "one")
			.with("static/x/broken.boom", "boom")
			.with("static/x/untransformable.js", "export const u = 1;\n");
	}

	private static boolean isIn(HmrContext context, String folder) {
		return context.getFile().startsWith(project.resolve("static").resolve(folder));
	}

	private static List<String> urls(List<ModuleNode> modules) {
		return modules.stream().map(ModuleNode::getUrl).toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		// Declared in the reverse of their order, so that only @Order puts them right

		@Bean
		OrderRecordingPlugin orderRecordingPlugin() {
			return new OrderRecordingPlugin();
		}

		@Bean
		ReplacingPlugin replacingPlugin(OrderRecordingPlugin recorder) {
			return new ReplacingPlugin(recorder);
		}

		@Bean
		NarrowingPlugin narrowingPlugin() {
			return new NarrowingPlugin();
		}

		@Bean
		SwallowingPlugin swallowingPlugin() {
			return new SwallowingPlugin();
		}

		@Bean
		ThrowingPlugin throwingPlugin() {
			return new ThrowingPlugin();
		}

		@Bean
		MessagePlugin messagePlugin() {
			return new MessagePlugin();
		}

		@Bean
		MyExtPlugin myExtPlugin() {
			return new MyExtPlugin();
		}

	}

	@Order(2)
	static class OrderRecordingPlugin implements HmrPlugin {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) {
			if (isIn(context, "order")) {
				this.seen.add("recording: " + urls(context.getModules()));
			}
			return null;
		}

	}

	@Order(1)
	static class ReplacingPlugin implements HmrPlugin {

		private final OrderRecordingPlugin recorder;

		ReplacingPlugin(OrderRecordingPlugin recorder) {
			this.recorder = recorder;
		}

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) {
			if (!isIn(context, "order")) {
				return null;
			}
			this.recorder.seen.add("replacing: " + urls(context.getModules()));
			ModuleNode b = context.getServer().getModuleGraph().getModuleByUrl("/order/b.js");
			return List.of(b);
		}

	}

	@Order(3)
	static class NarrowingPlugin implements HmrPlugin {

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) {
			if (!isIn(context, "narrow")) {
				return null;
			}
			return context.getModules().stream().filter((module) -> module.getUrl().endsWith("?direct")).toList();
		}

	}

	@Order(4)
	static class SwallowingPlugin implements HmrPlugin {

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) {
			return context.getFile().getFileName().toString().equals("eaten.js") ? List.of() : null;
		}

	}

	@Order(5)
	static class ThrowingPlugin implements HmrPlugin {

		@Override
		public String getName() {
			return "throwing";
		}

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) {
			if (context.getFile().getFileName().toString().equals("bad.js")) {
				throw new IllegalStateException("hot update refused");
			}
			return null;
		}

	}

	@Order(6)
	static class MessagePlugin implements HmrPlugin {

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) throws IOException {
			if (!isIn(context, "custom")) {
				return null;
			}
			context.getServer().getHot().send("message-changed", Map.of("text", context.read()));
			return List.of();
		}

	}

	/**
	 * The seed's example: {@code .myext} files served as modules exporting their text.
	 */
	@Order(7)
	static class MyExtPlugin implements HmrPlugin {

		@Override
		public String getName() {
			return "myext";
		}

		@Override
		public @Nullable String load(String id) throws IOException {
			if (id.endsWith(".boom")) {
				throw new IOException("cannot load " + id);
			}
			if (id.endsWith(".myext")) {
				return "export default \"" + Files.readString(Path.of(id)).trim() + "\";\n";
			}
			return null;
		}

		@Override
		public @Nullable String transform(String code, String id) {
			if (id.endsWith("untransformable.js")) {
				throw new IllegalArgumentException("cannot transform " + id);
			}
			return null;
		}

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) throws IOException {
			if (!context.getFile().toString().endsWith(".myext")) {
				return null;
			}
			context.getServer().getHot().send("myext-update", Map.of("value", context.read().trim()));
			return List.of();
		}

	}

}
