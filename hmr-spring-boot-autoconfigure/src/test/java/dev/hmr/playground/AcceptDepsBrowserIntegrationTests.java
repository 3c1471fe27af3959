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

package dev.hmr.playground;

import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vite's "accept dep" and "nested dep propagation" (playground {@code accept-deps}): an
 * importer that accepts some of its imports gets their new instances in its callbacks.
 */
class AcceptDepsBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void editingOneOfSeveralAcceptedDepsPassesOnlyItsNewModule(Browser browser) {
		open(browser, "/accept-deps/index.html");
		browser.awaitText(".multi", "a0 b0");
		browser.markWindow();

		playground().write("accept-deps/b.js", "export const b = 'b1'\n");

		browser.awaitText(".multi", "a0 b1");
		browser.awaitConsole(">>> vite:beforeUpdate -- update", "(multi deps) a: undefined, b: b1",
				"[vite] hot updated: /accept-deps/b.js via /accept-deps/main.js", ">>> vite:afterUpdate -- update");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void editingASingleAcceptedDepPassesItsNewModule(Browser browser) {
		open(browser, "/accept-deps/index.html");
		browser.awaitConsole("[vite] connected.");
		browser.markWindow();

		playground().edit("accept-deps/dep.js", (js) -> js.replace("'dep0'", "'dep1'"));

		browser.awaitConsole(">>> vite:beforeUpdate -- update", "(single dep) dep is now: dep1",
				"[vite] hot updated: /accept-deps/dep.js via /accept-deps/main.js", ">>> vite:afterUpdate -- update");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void editingANestedDepBubblesToTheAcceptedImporter(Browser browser) {
		open(browser, "/accept-deps/index.html");
		browser.awaitConsole("[vite] connected.");
		browser.markWindow();

		playground().edit("accept-deps/nested.js", (js) -> js.replace("'nested0'", "'nested1'"));

		browser.awaitConsole(">>> vite:beforeUpdate -- update", "(single dep) nested is now: nested1",
				"[vite] hot updated: /accept-deps/dep.js via /accept-deps/main.js", ">>> vite:afterUpdate -- update");
		assertThat(browser.text(".single")).endsWith(" nested1");
		assertThat(browser.wasReloaded()).isFalse();
	}

}
