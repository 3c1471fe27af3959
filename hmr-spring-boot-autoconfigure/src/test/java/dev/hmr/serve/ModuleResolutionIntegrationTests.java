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
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vite's module resolution on the real stack: extensionless, folder and
 * {@code .js}-for-{@code .ts} imports are rewritten to their files' URLs and recorded so
 * in the graph; a folder URL serves its {@code index.html}; a missing import's file, once
 * created, reloads the pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class ModuleResolutionIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-resolution")
		.with("static/main.js", """
				import { child } from './child';
				import { dir } from './dir';
				import { x } from './x.js';
				export const all = [child, dir, x];
				""")
		.with("static/child.ts", "export const child: string = 'child';\n")
		.with("static/dir/index.js", "export const dir = 'dir';\n")
		.with("static/x.ts", "export const x: number = 1;\n")
		.with("static/pages/index.html", "<!doctype html><html><head></head><body>folder page</body></html>\n")
		.with("static/late/main.js", "import { later } from './later';\nexport { later };\n");

	@LocalServerPort
	private int port;

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
	void importsAreRewrittenToTheFilesTheyResolveToAndRecordedSo() throws Exception {
		HttpResponse<String> main = module("/main.js");
		assertThat(main.statusCode()).isEqualTo(200);
		assertThat(main.body()).contains("from \"/child.ts\"")
			.contains("from \"/dir/index.js\"")
			.contains("from \"/x.ts\"");
		ModuleNode node = this.graph.getModuleByUrl("/main.js");
		assertThat(node).isNotNull();
		assertThat(node.getImportedModules()).extracting(ModuleNode::getUrl)
			.containsExactlyInAnyOrder("/child.ts", "/dir/index.js", "/x.ts");
		assertThat(node.getImportedModules()).allSatisfy((imported) -> assertThat(imported.getFile()).isNotNull());
		assertThat(module("/child.ts").body()).contains("export const child = 'child';");
	}

	@Test
	void aFolderUrlServesItsIndexPageWithTheClient() throws Exception {
		HttpResponse<String> page = TestHttp.get(this.port, "/pages/", "Accept", "text/html");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("folder page").contains("/@vite/client");
	}

	@Test
	void aMissingImportsFileOnceCreatedReloadsThePages() throws Exception {
		assertThat(module("/late/main.js").body()).contains("from \"/late/later\"");
		assertThat(module("/late/later").statusCode()).isEqualTo(404);
		assertThat(this.browser.takePayload()).isInstanceOf(ErrorPayload.class);
		project.write("static/late/later.ts", "export const later: number = 1;\n");
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isEqualTo(new FullReloadPayload("*", project.resolve("static/late/later.ts").toString()));
		assertThat(module("/late/main.js").body()).contains("from \"/late/later.ts\"");
	}

	private HttpResponse<String> module(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", "*/*", "Sec-Fetch-Dest", "script");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
