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
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.PrunePayload;
import dev.hmr.payload.Update;
import dev.hmr.testsupport.TestFiles;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.FileChangeKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a saved file to the payload on the wire, through the real stack: a real project
 * folder, the real watcher, modules served over HTTP as a browser asks for them, and a
 * real WebSocket client. {@link HmrEndToEndUnderContextPathIntegrationTests} runs every
 * test again with the application under a servlet context path: what the browser requests
 * carries it, what the graph and the wire carry does not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.watch.roots=${test.roots.root}",
				// a bare import an import map names is left as written
				"hmr.import-map.imports.lit=/lit.js" })
class HmrEndToEndIntegrationTests {

	// One project per application: each saves the same files with the same contents
	private static final TestProject rootProject = createProject("");

	static final TestProject appProject = createProject(HmrEndToEndUnderContextPathIntegrationTests.CONTEXT_PATH);

	@LocalServerPort
	private int port;

	@Autowired
	private ConfigurableApplicationContext context;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("test.roots.root", () -> rootProject.roots("static", "templates"));
		registry.add("test.roots.app", () -> appProject.roots("static", "templates"));
	}

	/**
	 * The servlet context path of the application: none.
	 * @return the context path, empty or such as {@code /app}
	 */
	String contextPath() {
		return "";
	}

	TestProject project() {
		return rootProject;
	}

	@BeforeEach
	void connect() {
		this.browser = TestHotClient.to(URI.create("ws://localhost:" + this.port + contextPath() + "/@hmr"))
			.subprotocols("vite-hmr")
			.connect();
		assertThat(this.browser.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
	}

	@AfterEach
	void disconnect() {
		this.browser.close();
	}

	@Test
	void pagesGetTheClientAndTheClientIsServed() throws Exception {
		HttpResponse<String> page = get("/page.html", "text/html");
		assertThat(page.body())
			.contains("<script type=\"module\" src=\"" + contextPath() + "/@vite/client\"></script><title>");
		HttpResponse<String> client = get("/@vite/client", "*/*");
		assertThat(client.statusCode()).isEqualTo(200);
		assertThat(client.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(client.body()).contains("export")
			.doesNotContain("__WS_TOKEN__")
			.contains("const hmrSocketPath = \"" + contextPath() + "/@hmr\"\n")
			.contains("const base = \"" + contextPath() + "/\" || '/'\n");
		assertThat(get("/@vite/overlay.mjs", "*/*").body())
			.contains("const base = \"" + contextPath() + "/\" || '/'\n");
	}

	@Test
	void theWelcomePageThatSpringBootForwardsToGetsTheClient() throws Exception {
		HttpResponse<String> home = get("/", "text/html");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body())
			.contains("<script type=\"module\" src=\"" + contextPath() + "/@vite/client\"></script><title>home</title>")
			.contains("<body>home</body>");
	}

	@Test
	void servedModulesImportCanonicalUrlsAndGetTheHotContext() throws Exception {
		HttpResponse<String> main = get("/served/main.js", "*/*");
		assertThat(main.statusCode()).isEqualTo(200);
		assertThat(main.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(main.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(main.body())
			.startsWith("import { createHotContext as __vite__createHotContext } from \"" + contextPath()
					+ "/@vite/client\";import.meta.hot = __vite__createHotContext(\"/served/main.js\");")
			.contains("from \"" + contextPath() + "/served/dep.js\"")
			.contains("import 'lit'");
		String etag = main.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> revalidated = TestHttp.get(this.port, contextPath() + "/served/main.js", "If-None-Match",
				etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
	}

	@Test
	void anAssetImportedFromJavaScriptIsAModuleExportingItsUrl() throws Exception {
		HttpResponse<String> asset = get("/assets/logo.svg?import", "*/*");
		assertThat(asset.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(asset.body()).isEqualTo("export default \"" + contextPath() + "/assets/logo.svg\";\n");
		assertThat(get("/assets/logo.svg", "image/*").body()).startsWith("<svg");
	}

	@Test
	void aFileSentAsItIsIsRevalidatedByItsSizeAndTime() throws Exception {
		HttpResponse<String> asset = get("/assets/notes.txt", "text/plain");
		String etag = asset.headers().firstValue("ETag").orElseThrow();
		assertThat(asset.headers().firstValue("Cache-Control")).hasValue("no-cache");
		HttpResponse<String> revalidated = TestHttp.get(this.port, contextPath() + "/assets/notes.txt", "If-None-Match",
				etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		project().write("static/assets/notes.txt", "second, longer version");
		HttpResponse<String> changed = TestHttp.get(this.port, contextPath() + "/assets/notes.txt", "If-None-Match",
				etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).isEqualTo("second, longer version");
	}

	@Test
	void savingASelfAcceptingModuleSendsAJsUpdateForIt() throws Exception {
		load("/self/main.js", "/self/counter.js");
		project().write("static/self/counter.js", "export let count = 1;\nimport.meta.hot.accept();\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.type()).isEqualTo(Update.Type.JS_UPDATE);
		assertThat(update.path()).isEqualTo("/self/counter.js");
		assertThat(update.acceptedPath()).isEqualTo("/self/counter.js");
		assertThat(String.valueOf(update.timestamp())).hasSize(13);
		assertThat(get("/self/main.js", "*/*").body())
			.contains("\"" + contextPath() + "/self/counter.js?t=" + update.timestamp() + "\"");
	}

	@Test
	void aJsUpdateNamesTheModulesItsReImportFetchesAnewNearestFirst() throws Exception {
		load("/chain/a.js", "/chain/b.js", "/chain/c.js", "/chain/d.js", "/chain/e.js");
		project().write("static/chain/d.js", "export const d = 2;\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.path()).isEqualTo("/chain/a.js");
		long t = update.timestamp();
		// e.js did not change: the re-imported a.js imports it as before
		assertThat(update.invalidates()).containsExactly("/chain/b.js?t=" + t, "/chain/c.js?t=" + t,
				"/chain/d.js?t=" + t);
		// and they are the URLs the re-imported modules import, under the context path
		assertThat(get("/chain/a.js?t=" + t, "*/*").body()).contains("\"" + contextPath() + "/chain/b.js?t=" + t + "\"")
			.contains("\"" + contextPath() + "/chain/e.js\"");
		assertThat(get("/chain/b.js?t=" + t, "*/*").body())
			.contains("\"" + contextPath() + "/chain/c.js?t=" + t + "\"");
		assertThat(get("/chain/c.js?t=" + t, "*/*").body())
			.contains("\"" + contextPath() + "/chain/d.js?t=" + t + "\"");
	}

	@Test
	void savingAnAcceptedDepSendsAnUpdateForItsImporter() throws Exception {
		String parent = load("/dep/parent.js", "/dep/child.js").get(0);
		assertThat(parent).contains("import.meta.hot.accept(\"/dep/child.js\"");
		project().write("static/dep/child.js", "export const v = 2;\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.path()).isEqualTo("/dep/parent.js");
		assertThat(update.acceptedPath()).isEqualTo("/dep/child.js");
	}

	@Test
	void savingAModuleWithNoBoundarySendsAFullReloadNamingTheFile() throws Exception {
		load("/plain/main.js", "/plain/plain.js");
		project().write("static/plain/plain.js", "console.log('plain 2');\n");
		assertThat(this.browser.takePayload())
			.isEqualTo(new FullReloadPayload("*", project().resolve("static/plain/plain.js").toString()));
	}

	@Test
	void savingAStylesheetImportedByALinkedOneSendsACssUpdateForTheLinkedOne() throws Exception {
		assertThat(get("/css/site.css", "text/css,*/*;q=0.1").headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		project().write("static/css/part.css", "p { color: green; }\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.type()).isEqualTo(Update.Type.CSS_UPDATE);
		assertThat(update.path()).isEqualTo("/css/site.css?direct");
	}

	@Test
	void cssImportedFromJavaScriptIsASelfAcceptingModule() throws Exception {
		List<String> bodies = load("/cssjs/main.js", "/cssjs/style.css");
		assertThat(bodies.get(1)).contains("__vite__updateStyle").contains("p { color: red; }");
		project().write("static/cssjs/style.css", "p { color: blue; }\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.type()).isEqualTo(Update.Type.JS_UPDATE);
		assertThat(update.path()).isEqualTo("/cssjs/style.css");
	}

	@Test
	void savingAPageReloadsThatPageAndSavingATemplateReloadsAll() throws Exception {
		project().write("static/about.html", "<html><head></head><body>2</body></html>");
		assertThat(this.browser.takePayload()).isEqualTo(FullReloadPayload.page("/about.html"));
		project().write("templates/view.html", "<p>2</p>");
		assertThat(this.browser.takePayload())
			.isEqualTo(new FullReloadPayload("*", project().resolve("templates/view.html").toString()));
	}

	@Test
	void aFileNoPageLoadedSendsNothingAndDroppingAnImportPrunesIt() throws Exception {
		load("/prune/index.js", "/prune/dep.js");
		project().write("static/prune/unloaded.js", "console.log('still never loaded');\n");
		project().write("static/prune/index.js", "import.meta.hot.accept();\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.path()).isEqualTo("/prune/index.js");
		get("/prune/index.js?t=" + update.timestamp(), "*/*");
		assertThat(this.browser.takePayload()).isEqualTo(new PrunePayload(List.of("/prune/dep.js")));
	}

	@Test
	void anAtomicSaveAndATruncateThenWriteSaveEachGiveOneUpdate() throws Exception {
		load("/burst/main.js", "/burst/a.js", "/burst/marker.js");
		Path target = project().resolve("static/burst/a.js");
		Path temp = project().resolve("static/burst/.a.js.tmp");
		Files.writeString(temp, "export const a = 1;\nimport.meta.hot.accept();\n");
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		assertThat(TestFiles.single(this.browser.takePayload()).path()).isEqualTo("/burst/a.js");
		try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			for (String chunk : List.of("export const a = 2;\n", "// padding\n", "import.meta.hot.accept();\n")) {
				channel.write(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
			}
		}
		assertThat(TestFiles.single(this.browser.takePayload()).path()).isEqualTo("/burst/a.js");
		// The watcher handles changes in order: had either save given a second update, it
		// would come before this one
		project().write("static/burst/marker.js", "export const m = 1;\nimport.meta.hot.accept();\n");
		assertThat(TestFiles.single(this.browser.takePayload()).path()).isEqualTo("/burst/marker.js");
	}

	@Test
	void savingAnAcceptedAssetSendsAnUpdateThatReImportsItExplicitly() throws Exception {
		assertThat(load("/asset/main.js", "/asset/logo.svg?import").get(0))
			.contains("\"" + contextPath() + "/asset/logo.svg?import\"")
			.contains("import.meta.hot.accept(\"/asset/logo.svg\"");
		project().write("static/asset/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.type()).isEqualTo(Update.Type.JS_UPDATE);
		assertThat(update.path()).isEqualTo("/asset/main.js");
		assertThat(update.acceptedPath()).isEqualTo("/asset/logo.svg");
		assertThat(update.explicitImportRequired()).isTrue();
	}

	@Test
	void aRootAbsoluteImportUnderTheContextPathIsTheSameModuleAsARelativeOne() throws Exception {
		assertThat(load("/absolute/main.js", "/absolute/dep.js").get(0))
			.contains("import '" + contextPath() + "/absolute/dep.js';");
		project().write("static/absolute/dep.js", "export const d = 2;\nimport.meta.hot.accept();\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.path()).isEqualTo("/absolute/dep.js");
		assertThat(load("/absolute/main.js").get(0))
			.contains("\"" + contextPath() + "/absolute/dep.js?t=" + update.timestamp() + "\"");
	}

	@Test
	void aModuleImportedBeforeItsFileExistedIsUpdatedOnceTheFileIsThere() throws Exception {
		load("/late/main.js", "/late/marker.js");
		assertThat(get("/late/late.js", "*/*").statusCode()).isEqualTo(404);
		Path late = project().resolve("static/late/late.js");
		CountDownLatch created = new CountDownLatch(1);
		this.context.addApplicationListener((ApplicationListener<FileChangeEvent>) (event) -> {
			if (event.getKind() == FileChangeKind.CREATED && event.getPath().equals(late)) {
				created.countDown();
			}
		});
		project().write("static/late/late.js", "export const l = 1;\nimport.meta.hot.accept();\n");
		// A creation seen empty is held back, so a later save of another file may be
		// published first: marker.js is saved once the creation is published, and its
		// update arrives once the engine has handled the creation (sending nothing)
		assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();
		project().write("static/late/marker.js", "export const m = 1;\nimport.meta.hot.accept();\n");
		assertThat(TestFiles.single(this.browser.takePayload()).path()).isEqualTo("/late/marker.js");
		load("/late/late.js");
		project().write("static/late/late.js", "export const l = 2;\nimport.meta.hot.accept();\n");
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.type()).isEqualTo(Update.Type.JS_UPDATE);
		assertThat(update.path()).isEqualTo("/late/late.js");
		assertThat(update.acceptedPath()).isEqualTo("/late/late.js");
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return TestHttp.get(this.port, contextPath() + path, "Accept", accept);
	}

	/** Load modules as a page does, each URL under the context path. */
	private List<String> load(String... urls) throws IOException, InterruptedException {
		return TestHttp.load(this.port, Arrays.stream(urls).map((url) -> contextPath() + url).toArray(String[]::new));
	}

	private static TestProject createProject(String contextPath) {
		return TestProject.create("hmr-e2e")
			.with("static/index.html", "<!doctype html><html><head><title>home</title></head><body>home</body></html>")
			.with("static/page.html", "<!doctype html><html><head><title>t</title></head><body></body></html>")
			.with("static/served/main.js", "import { x } from './dep.js';\nimport 'lit';\nimport.meta.hot.accept();\n")
			.with("static/served/dep.js", "export const x = 1;\n")
			.with("static/self/main.js", "import './counter.js';\n")
			.with("static/self/counter.js", "export let count = 0;\nimport.meta.hot.accept();\n")
			.with("static/dep/parent.js",
					"import { v } from './child.js';\nimport.meta.hot.accept('./child.js', (m) => console.log(m.v));\n")
			.with("static/dep/child.js", "export const v = 1;\n")
			.with("static/chain/a.js", "import './b.js';\nimport './e.js';\nimport.meta.hot.accept();\n")
			.with("static/chain/b.js", "import './c.js';\n")
			.with("static/chain/c.js", "import './d.js';\n")
			.with("static/chain/d.js", "export const d = 1;\n")
			.with("static/chain/e.js", "export const e = 1;\n")
			.with("static/plain/main.js", "import './plain.js';\n")
			.with("static/plain/plain.js", "console.log('plain');\n")
			.with("static/css/site.css", "@import './part.css';\nbody { color: red; }\n")
			.with("static/css/part.css", "p { color: blue; }\n")
			.with("static/cssjs/main.js", "import './style.css';\n")
			.with("static/cssjs/style.css", "p { color: red; }\n")
			.with("static/about.html", "<html><head></head><body>1</body></html>")
			.with("templates/view.html", "<p>1</p>")
			.with("static/burst/main.js", "import './a.js';\nimport './marker.js';\n")
			.with("static/burst/a.js", "export const a = 0;\nimport.meta.hot.accept();\n")
			.with("static/burst/marker.js", "export const m = 0;\nimport.meta.hot.accept();\n")
			.with("static/assets/notes.txt", "first")
			.with("static/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")
			.with("static/prune/index.js", "import './dep.js';\nimport.meta.hot.accept();\n")
			.with("static/prune/dep.js", "console.log('dep');\n")
			.with("static/prune/unloaded.js", "console.log('never loaded');\n")
			.with("static/asset/main.js",
					"import logo from './logo.svg';\nimport.meta.hot.accept('./logo.svg', (m) => console.log(m.default));\n")
			.with("static/asset/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")
			// written as a browser requests it, as it must be to work without the starter
			// too
			.with("static/absolute/main.js", "import '" + contextPath + "/absolute/dep.js';\n")
			.with("static/absolute/dep.js", "export const d = 1;\nimport.meta.hot.accept();\n")
			// late.js is imported before it exists
			.with("static/late/main.js", "import './late.js';\nimport './marker.js';\n")
			.with("static/late/marker.js", "export const m = 0;\nimport.meta.hot.accept();\n");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
