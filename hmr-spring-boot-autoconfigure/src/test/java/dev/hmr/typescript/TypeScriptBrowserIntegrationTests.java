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
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TypeScript and JSX in Chromium on the real stack: a self-accepting {@code .ts} module
 * keeps {@code import.meta.hot.data} across an edit with no reload; a syntax error met
 * during an update shows the overlay at the {@code .ts} line, and the fix clears it and
 * updates the module; JSX compiled for a classic factory the page defines renders.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(BrowserExtension.class)
class TypeScriptBrowserIntegrationTests {

	private static final String OVERLAY = "const o = document.querySelector('vite-error-overlay');"
			+ " return o ? o.shadowRoot.querySelector(arguments[0]).textContent : null";

	private static final String MAIN = """
			import { label } from './label';
			interface Data { runs: number }
			const data = (import.meta.hot?.data ?? {}) as Data;
			data.runs = (data.runs ?? 0) + 1;
			const out = document.getElementById('out') as HTMLElement;
			out.textContent = `${label}/v1/${data.runs}`;
			import.meta.hot?.accept();
			""";

	private static final TestProject project = TestProject.create("hmr-typescript-browser")
		.with("static/data/index.html", page("/data/main.ts"))
		.with("static/data/main.ts", MAIN)
		.with("static/data/label.ts", "export const label: string = 'ts';\n")
		.with("static/broken/index.html", page("/broken/main.ts"))
		.with("static/broken/main.ts", MAIN)
		.with("static/broken/label.ts", "export const label: string = 'ts';\n")
		.with("static/jsx/index.html", page("/jsx/main.tsx"))
		.with("static/jsx/main.tsx", """
				/** @jsxRuntime classic */
				/** @jsx h */
				function h(tag: string, props: Record<string, string> | null, ...children: string[]): string {
				  return `<${tag} class="${props?.class ?? ''}">${children.join('')}</${tag}>`;
				}
				const html: string = <b class="jsx">made by h</b>;
				(document.getElementById('out') as HTMLElement).innerHTML = html;
				""");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void aSelfAcceptingTypeScriptModuleKeepsItsHotDataAcrossAnEdit(Browser browser) {
		browser.open("http://localhost:" + this.port + "/data/");
		browser.awaitConsole("[vite] connected.");
		browser.awaitText("#out", "ts/v1/1");
		browser.markWindow();
		project.edit("static/data/main.ts", (code) -> code.replace("/v1/", "/v2/"));
		browser.awaitText("#out", "ts/v2/2");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void aSyntaxErrorMetDuringAnUpdateShowsTheOverlayAtTheTypeScriptLineAndTheFixClearsIt(Browser browser) {
		browser.open("http://localhost:" + this.port + "/broken/");
		browser.awaitConsole("[vite] connected.");
		browser.awaitText("#out", "ts/v1/1");
		browser.markWindow();
		project.edit("static/broken/main.ts", (code) -> code.replace("(data.runs ?? 0) + 1;", "(data.runs ?? 0) +;"));
		browser.await().until(() -> browser.script(OVERLAY, ".message-body") != null);
		String file = project.resolve("static/broken/main.ts").toString();
		assertThat((String) browser.script(OVERLAY, ".file")).startsWith(file + ":4:");
		assertThat((String) browser.script(OVERLAY, ".frame")).contains("4  |  data.runs = (data.runs ?? 0) +;")
			.contains("^");
		assertThat((String) browser.script(OVERLAY, ".plugin")).contains("hmr:typescript");
		assertThat(browser.text("#out")).isEqualTo("ts/v1/1");

		project.edit("static/broken/main.ts",
				(code) -> code.replace("(data.runs ?? 0) +;", "(data.runs ?? 0) + 1;").replace("/v1/", "/v3/"));
		browser.awaitText("#out", "ts/v3/2");
		browser.await()
			.until(() -> Long.valueOf(0)
				.equals(browser.script("return document.querySelectorAll('vite-error-overlay').length")));
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void jsxIsCompiledForTheClassicFactoryAPragmaNames(Browser browser) {
		browser.open("http://localhost:" + this.port + "/jsx/");
		browser.awaitText("#out .jsx", "made by h");
	}

	private static String page(String module) {
		return "<!doctype html><html><head><script type=\"module\" src=\"" + module
				+ "\"></script></head><body><p id=\"out\"></p></body></html>\n";
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
