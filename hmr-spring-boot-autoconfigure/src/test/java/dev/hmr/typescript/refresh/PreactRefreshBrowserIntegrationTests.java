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

package dev.hmr.typescript.refresh;

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
 * Preact components refreshed in place in Chromium, on the real stack: the module
 * transform compiles {@code .jsx} and {@code .tsx} with the TypeScript step, which runs
 * {@link PreactRefreshRegistration} on the source first; the runtime comes from the
 * client's handler, Preact from its WebJar through a hand-written import map (the user's
 * own, which wins over the generated one).
 */
@ExtendWith(BrowserExtension.class)
@SpringBootTest(classes = PreactRefreshBrowserIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class PreactRefreshBrowserIntegrationTests {

	private static final String IMPORT_MAP = """
			<script type="importmap">{"imports": {
			  "preact": "/webjars/preact/10.28.0/dist/preact.module.js",
			  "preact/hooks": "/webjars/preact/10.28.0/hooks/dist/hooks.module.js",
			  "preact/jsx-runtime": "/webjars/preact/10.28.0/jsx-runtime/dist/jsxRuntime.module.js",
			  "preact/jsx-dev-runtime": "/webjars/preact/10.28.0/jsx-runtime/dist/jsxRuntime.module.js"
			}}</script>
			""";

	private static final String COUNTER = """
			import { useState, useRef } from 'preact/hooks';
			export function Counter() {
			  const [count, setCount] = useState(0);
			  const id = useRef(Math.random().toString(36).slice(2));
			  return <button id="counter" data-id={id.current} onClick={() => setCount((c) => c + 1)}>clicks: {count}</button>;
			}
			""";

	private static final String TYPED_COUNTER = """
			import { useState } from 'preact/hooks';
			interface Props { label?: string }
			export function Counter({ label = 'clicks' }: Props) {
			  const [count, setCount] = useState<number>(0);
			  return <button id="counter" onClick={() => setCount((c: number) => c + 1)}>{label}: {count}</button>;
			}
			""";

	private static final String PANEL = """
			import { useState } from 'preact/hooks';
			import { STEP, Stepper } from './Step.jsx';
			export function Panel() {
			  const [count, setCount] = useState(0);
			  return <div><button id="counter" onClick={() => setCount((c) => c + 1)}>clicks: {count}</button><Stepper /></div>;
			}
			""";

	private static final String STEP = """
			export const STEP = 1;
			export function Stepper() {
			  return <i id="step">step {STEP}</i>;
			}
			""";

	private static final TestProject project = TestProject.create("hmr-preact-refresh")
		.with("static/label/index.html", page("/label/main.jsx"))
		.with("static/label/main.jsx", main("Counter"))
		.with("static/label/Counter.jsx", COUNTER)
		.with("static/hook/index.html", page("/hook/main.jsx"))
		.with("static/hook/main.jsx", main("Counter"))
		.with("static/hook/Counter.jsx", COUNTER)
		.with("static/mixed/index.html", page("/mixed/main.jsx"))
		.with("static/mixed/main.jsx", main("Counter"))
		.with("static/mixed/Counter.jsx",
				COUNTER.replace("export function", "export const STEP = 1;\nexport function")
					.replace("c + 1", "c + STEP"))
		.with("static/importer/index.html", page("/importer/main.jsx"))
		.with("static/importer/main.jsx", main("Panel"))
		.with("static/importer/Panel.jsx", PANEL)
		.with("static/importer/Step.jsx", STEP)
		.with("static/grown/index.html", page("/grown/main.jsx"))
		.with("static/grown/main.jsx", main("Counter"))
		.with("static/grown/Counter.jsx", COUNTER)
		.with("static/typed/index.html", page("/typed/main.jsx"))
		.with("static/typed/main.jsx", main("Counter").replace("Counter.jsx", "Counter.tsx"))
		.with("static/typed/Counter.tsx", TYPED_COUNTER);

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void aLabelEditedKeepsTheCountAndTheRefWithoutReloading(Browser browser) {
		openAndClickThrice(browser, "/label/index.html");
		Object id = browser.evaluate("document.querySelector('#counter').dataset.id");
		assertThat(id).isNotNull();
		project.edit("static/label/Counter.jsx", (jsx) -> jsx.replace("clicks: {count}", "taps: {count}"));
		browser.awaitText("#counter", "taps: 3");
		assertThat(browser.evaluate("document.querySelector('#counter').dataset.id")).isEqualTo(id);
		assertThat(browser.wasReloaded()).isFalse();
		browser.script("document.querySelector('#counter').click();");
		browser.awaitText("#counter", "taps: 4");
	}

	@Test
	void aHookAddedRemountsTheComponentWithoutReloading(Browser browser) {
		openAndClickThrice(browser, "/hook/index.html");
		project.edit("static/hook/Counter.jsx",
				(jsx) -> jsx.replace("useState(0);", "useState(0);\n  const [step] = useState(1);")
					.replace("clicks: {count}", "clicks: {count} by {step}"));
		browser.awaitText("#counter", "clicks: 0 by 1");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void aNonComponentExportEditedIsInvalidatedAndFallsBackToAFullReload(Browser browser) {
		openAndClickThrice(browser, "/mixed/index.html");
		project.edit("static/mixed/Counter.jsx", (jsx) -> jsx.replace("STEP = 1", "STEP = 2"));
		browser.awaitReload();
		// as with @vitejs/plugin-react: the module accepts, its runtime check hands the
		// update on, and no importer accepts it
		browser.awaitConsole(
				"[vite] invalidate /mixed/Counter.jsx: Could not Fast Refresh (\"STEP\" export is incompatible)");
		browser.awaitText("#counter", "clicks: 0");
		browser.script("document.querySelector('#counter').click();");
		browser.awaitText("#counter", "clicks: 2");
	}

	@Test
	void aNonComponentExportEditedUpdatesTheImportingBoundaryKeepingItsState(Browser browser) {
		openAndClickThrice(browser, "/importer/index.html");
		browser.awaitText("#step", "step 1");
		project.edit("static/importer/Step.jsx", (jsx) -> jsx.replace("STEP = 1", "STEP = 2"));
		browser.awaitText("#step", "step 2");
		assertThat(browser.text("#counter")).isEqualTo("clicks: 3");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void aBoundaryThatGainsANonComponentExportIsInvalidatedAndReloads(Browser browser) {
		openAndClickThrice(browser, "/grown/index.html");
		project.edit("static/grown/Counter.jsx", (jsx) -> jsx + "export const LIMIT = 10;\n");
		browser.awaitReload();
		browser.awaitText("#counter", "clicks: 0");
		browser.awaitConsole(
				"[vite] invalidate /grown/Counter.jsx: Could not Fast Refresh (\"LIMIT\" export is incompatible)");
	}

	@Test
	void aTsxComponentEditedKeepsItsCount(Browser browser) {
		openAndClickThrice(browser, "/typed/index.html");
		project.edit("static/typed/Counter.tsx", (tsx) -> tsx.replace("label = 'clicks'", "label = 'taps'"));
		browser.awaitText("#counter", "taps: 3");
		assertThat(browser.wasReloaded()).isFalse();
	}

	private void openAndClickThrice(Browser browser, String path) {
		browser.open("http://localhost:" + this.port + path);
		browser.awaitConsole("[vite] connected.");
		browser.awaitText("#counter", "clicks: 0");
		browser.script("for (let i = 0; i < 3; i++) document.querySelector('#counter').click();");
		browser.awaitText("#counter", "clicks: 3");
		browser.markWindow();
	}

	private static String page(String main) {
		return "<!doctype html><html><head><title>refresh</title>" + IMPORT_MAP
				+ "</head><body><div id=\"app\"></div><script type=\"module\" src=\"" + main
				+ "\"></script></body></html>";
	}

	private static String main(String component) {
		return "import { render } from 'preact';\nimport { " + component + " } from './" + component + ".jsx';\n"
				+ "render(<" + component + " />, document.getElementById('app'));\n";
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
