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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.testsupport.TestFiles;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules that go away or break while a page uses them (REFERENCE §4.9, §4.10): a deleted
 * import updates its importer's boundary and then answers 404; a module the lexer rejects
 * answers 500 with an {@code error} payload naming the file, and the next good save
 * updates it again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrBrokenAndDeletedModulesIntegrationTests {

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

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
	void deletingAnImportedModuleUpdatesItsImportersBoundaryAndItThenAnswers404() throws Exception {
		assertThat(get("/del/main.js").statusCode()).isEqualTo(200);
		assertThat(get("/del/gone.js").statusCode()).isEqualTo(200);
		Files.delete(project.resolve("static/del/gone.js"));
		Update update = TestFiles.single(this.browser.takePayload());
		assertThat(update.path()).isEqualTo("/del/main.js");
		assertThat(update.acceptedPath()).isEqualTo("/del/main.js");
		HttpResponse<String> reimported = get("/del/main.js?t=" + update.timestamp());
		assertThat(reimported.statusCode()).isEqualTo(200);
		assertThat(reimported.body()).contains("\"/del/gone.js?t=" + update.timestamp() + "\"");
		assertThat(get("/del/gone.js?t=" + update.timestamp()).statusCode()).isEqualTo(404);
		assertThat(get("/del/kept.js").statusCode()).isEqualTo(200);
	}

	@Test
	void aModuleTheLexerRejectsAnswers500WithAnErrorAndTheNextGoodSaveUpdatesIt() throws Exception {
		Path file = project.resolve("static/bad/mod.js");
		assertThat(get("/bad/mod.js").statusCode()).isEqualTo(200);
		Files.writeString(file, "export const s = 'unterminated;\nimport.meta.hot.accept();\n");
		// Like Vite, the server does not parse on change: the update goes out, the
		// re-import fails
		Update broken = TestFiles.single(this.browser.takePayload());
		assertThat(broken.path()).isEqualTo("/bad/mod.js");
		assertThat(get("/bad/mod.js?t=" + broken.timestamp()).statusCode()).isEqualTo(500);
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(ErrorPayload.class);
		HotError error = ((ErrorPayload) payload).err();
		assertThat(error.id()).isEqualTo(file.toString());
		assertThat(error.message()).contains("Parse error");
		Files.writeString(file, "export const s = 'fixed';\nimport.meta.hot.accept();\n");
		Update fixed = TestFiles.single(this.browser.takePayload());
		assertThat(fixed.path()).isEqualTo("/bad/mod.js");
		HttpResponse<String> served = get("/bad/mod.js?t=" + fixed.timestamp());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).contains("'fixed'");
	}

	@Test
	void aSyntaxErrorReachesTheClientWithItsLocationAndAViteCodeFrameAndNoJavaStack() throws Exception {
		Path file = project.resolve("static/bad/frame.js");
		assertThat(get("/bad/frame.js").statusCode()).isEqualTo(500);
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(ErrorPayload.class);
		HotError error = ((ErrorPayload) payload).err();
		assertThat(error.id()).isEqualTo(file.toString());
		assertThat(error.loc()).isEqualTo(new HotError.Location(file.toString(), 3, 10));
		assertThat(error.frame()).isEqualTo("""
				1  |  const a = 1;
				2  |  const b = 2;
				3  |  const s = 'unterminated;
				   |            ^
				4  |  const c = 3;
				5  |  const d = 4;""");
		assertThat(error.stack()).doesNotContain("dev.hmr");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path);
	}

	private static TestProject createProject() {
		return TestProject.create("hmr-broken")
			.with("static/del/main.js", "import './gone.js';\nimport.meta.hot.accept();\n")
			.with("static/del/gone.js", "console.log('gone');\n")
			.with("static/del/kept.js", "console.log('kept');\n")
			.with("static/bad/frame.js",
					"const a = 1;\nconst b = 2;\nconst s = 'unterminated;\nconst c = 3;\nconst d = 4;\nconst e = 5;\n")
			.with("static/bad/mod.js", "export const s = 'ok';\nimport.meta.hot.accept();\n");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
