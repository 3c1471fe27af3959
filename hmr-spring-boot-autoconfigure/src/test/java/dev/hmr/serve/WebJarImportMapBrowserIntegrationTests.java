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

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bare imports on the real stack, with {@code org.webjars.npm:preact} on the test class
 * path and no import map written by hand: pages get one generated from the WebJar's
 * {@code package.json}, Chromium runs Preact from it, a page's own map wins, and a bare
 * import no map names answers 500 with Vite's "Failed to resolve import".
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.import-map.imports.[extra/]=/lib/extra/" })
@ExtendWith(BrowserExtension.class)
class WebJarImportMapBrowserIntegrationTests {

	private static final String PREACT = "/webjars/preact/10.28.0/dist/preact.module.js";

	private static final TestProject project = TestProject.create("hmr-import-map")
		.with("static/preact.html", """
				<!doctype html>
				<html>
				<head><title>Preact</title><script type="module" src="/app.js"></script></head>
				<body><div id="root"></div></body>
				</html>
				""")
		.with("static/app.js", """
				import { h, render } from 'preact';
				import { useState } from 'preact/hooks';
				function Hello() {
				  const [count] = useState(3);
				  return h('p', { id: 'out' }, 'preact says ' + count);
				}
				render(h(Hello), document.getElementById('root'));
				""")
		.with("static/own-map.html",
				"""
						<!doctype html>
						<html>
						<head><title>Own map</title>
						<script type="importmap">{ "imports": { "preact": "/fake-preact.js" } }</script>
						<script type="module">import { name } from 'preact'; document.getElementById('out').textContent = name;</script>
						</head>
						<body><p id="out"></p></body>
						</html>
						""")
		.with("static/fake-preact.js", "export const name = 'the page\\'s own preact';\n")
		.with("static/bad/unmapped.js", "const a = 1;\nimport { x } from 'not-a-package/sub';\n")
		.with("static/mapped.js", "import 'preact';\nimport 'extra/thing.js';\n");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void aPageImportingPreactWithNoImportMapRendersFromTheWebJar(Browser browser) {
		browser.open("http://localhost:" + this.port + "/preact.html");

		browser.awaitText("#out", "preact says 3");
		assertThat(browser.script("return document.querySelectorAll('script[type=importmap]').length;")).isEqualTo(1L);
	}

	@Test
	void thePageGetsTheGeneratedMapBeforeTheClientAndAnyModule() throws Exception {
		String page = TestHttp.get(this.port, "/preact.html").body();

		int map = page.indexOf("<script type=\"importmap\">");
		assertThat(map).isPositive().isLessThan(page.indexOf("/@vite/client")).isLessThan(page.indexOf("/app.js"));
		assertThat(page).contains("\"preact\":\"" + PREACT + "\"")
			.contains("\"preact/hooks\":\"/webjars/preact/10.28.0/hooks/dist/hooks.module.js\"")
			.contains("\"preact/jsx-runtime\":\"/webjars/preact/10.28.0/jsx-runtime/dist/jsxRuntime.module.js\"")
			.contains("\"extra/\":\"/lib/extra/\"");
		HttpResponse<String> preact = TestHttp.get(this.port, PREACT);
		assertThat(preact.statusCode()).isEqualTo(200);
		assertThat(preact.body()).contains("export");
	}

	@Test
	void aPagesOwnImportMapWins(Browser browser) throws Exception {
		String page = TestHttp.get(this.port, "/own-map.html").body();
		assertThat(page.indexOf("\"preact\":\"/fake-preact.js\"")).isPositive()
			.isLessThan(page.indexOf("/@vite/client"));
		assertThat(page).doesNotContain(PREACT);

		browser.open("http://localhost:" + this.port + "/own-map.html");

		browser.awaitText("#out", "the page's own preact");
	}

	@Test
	void mappedBareImportsAreServedAsWritten() throws Exception {
		HttpResponse<String> module = module("/mapped.js");

		assertThat(module.statusCode()).isEqualTo(200);
		assertThat(module.body()).contains("import 'preact';").contains("import 'extra/thing.js';");
	}

	@Test
	void aBareImportNoMapNamesAnswers500AndAnErrorNamingTheImporterAndTheSpecifier() throws Exception {
		try (TestHotClient client = TestHotClient.connectedBrowser(this.port)) {
			assertThat(module("/bad/unmapped.js").statusCode()).isEqualTo(500);

			HotPayload payload = client.takePayload();
			assertThat(payload).isInstanceOf(ErrorPayload.class);
			HotError error = ((ErrorPayload) payload).err();
			String file = project.resolve("static/bad/unmapped.js").toString();
			assertThat(error.message()).isEqualTo(
					"Failed to resolve import \"not-a-package/sub\" from \"/bad/unmapped.js\". Does the file exist?");
			assertThat(error.plugin()).isEqualTo("hmr:import-analysis");
			assertThat(error.id()).isEqualTo(file);
			assertThat(error.loc()).isEqualTo(new HotError.Location(file, 2, 19));
			assertThat(error.frame()).contains("2  |  import { x } from 'not-a-package/sub';");
		}
	}

	private HttpResponse<String> module(String path) throws Exception {
		return TestHttp.get(this.port, path, "Accept", "*/*", "Sec-Fetch-Dest", "script");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
