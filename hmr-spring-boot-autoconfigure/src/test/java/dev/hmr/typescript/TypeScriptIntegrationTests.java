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

package dev.hmr.typescript;

import java.io.IOException;
import java.net.http.HttpResponse;

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
import dev.hmr.graph.ModuleNode;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.payload.UpdatePayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * TypeScript and JSX modules on the real stack: served as JavaScript, analysed as
 * JavaScript (imports, the hot context, the graph), updated on save, their syntax errors
 * reported at the source's line, and compiled once per content.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class TypeScriptIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-typescript")
		.with("static/main.ts", """
				import type { Shape } from './shape';
				import { twice } from './util.ts';
				const size: number = twice(2);
				export { size };
				import.meta.hot?.accept();
				""")
		.with("static/util.ts", "export function twice(n: number): number {\n  return n * 2;\n}\n")
		.with("static/App.tsx", "export const App = () => <p>hi</p>;\n")
		.with("static/cached.ts", "export const cached: string = 'x';\n")
		.with("static/broken.ts", "const a: number = 1;\nconst b = (;\n");

	@LocalServerPort
	private int port;

	@Autowired
	private TypeScriptTranspiler transpiler;

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
	void aTypeScriptModuleIsServedAsJavaScriptAndAnalysedAsOne() throws Exception {
		HttpResponse<String> response = module("/main.ts");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(response.body()).contains("import { twice } from \"/util.ts")
			.contains("const size = twice(2);")
			.contains("import.meta.hot = __vite__createHotContext(\"/main.ts\");")
			.contains("//# sourceMappingURL=data:application/json;base64,")
			.doesNotContain("./shape")
			.doesNotContain(": number");
		ModuleNode main = this.graph.getModuleByUrl("/main.ts");
		assertThat(main).isNotNull();
		assertThat(main.isSelfAccepting()).isTrue();
		assertThat(main.getImportedModules()).extracting(ModuleNode::getUrl).containsExactly("/util.ts");
	}

	@Test
	void aSavedTypeScriptModuleIsHotUpdated() throws Exception {
		assertThat(module("/main.ts").statusCode()).isEqualTo(200);
		assertThat(module("/util.ts").statusCode()).isEqualTo(200);
		project.edit("static/util.ts", (code) -> code.replace("n * 2", "n * 3"));
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(UpdatePayload.class);
		assertThat(((UpdatePayload) payload).updates()).extracting(Update::path, Update::acceptedPath)
			.containsExactly(tuple("/main.ts", "/main.ts"));
		assertThat(module("/util.ts?t=1").body()).contains("n * 3");
	}

	@Test
	void jsxIsCompiledForPreactsAutomaticRuntimeByDefault() throws Exception {
		HttpResponse<String> response = module("/App.tsx");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(response.body()).contains("from \"preact/jsx-dev-runtime\"").contains("_jsxDEV(\"p\"");
	}

	@Test
	void aSyntaxErrorAnswers500AndAnErrorPayloadAtTheTypeScriptLine() throws Exception {
		assertThat(module("/broken.ts").statusCode()).isEqualTo(500);
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(ErrorPayload.class);
		HotError error = ((ErrorPayload) payload).err();
		String file = project.resolve("static/broken.ts").toString();
		assertThat(error.plugin()).isEqualTo(TypeScriptTranspiler.PLUGIN_NAME);
		assertThat(error.message()).isEqualTo("Expression expected");
		assertThat(error.id()).isEqualTo(file);
		assertThat(error.loc()).isEqualTo(new HotError.Location(file, 2, 11));
		assertThat(error.frame()).contains("2  |  const b = (;").contains("^");
		assertThat(error.stack()).isEmpty();
	}

	@Test
	void anUnchangedModuleIsNotCompiledAgainNorOnA304() throws Exception {
		HttpResponse<String> first = module("/cached.ts");
		assertThat(first.statusCode()).isEqualTo(200);
		long compiled = this.transpiler.getTranspileCount();
		assertThat(module("/cached.ts").body()).isEqualTo(first.body());
		String etag = first.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> revalidated = TestHttp.get(this.port, "/cached.ts", "Accept", "*/*", "Sec-Fetch-Dest",
				"script", "If-None-Match", etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(this.transpiler.getTranspileCount()).isEqualTo(compiled);
	}

	private HttpResponse<String> module(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", "*/*", "Sec-Fetch-Dest", "script");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
