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
 * Vite's "invalidate" (playground {@code invalidate}): a module that accepts itself only
 * to call {@code hot.invalidate()} passes the update on to its self-accepting importer.
 */
class InvalidateBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void anInvalidatingModuleHandsItsUpdateToItsImporter(Browser browser) {
		open(browser, "/invalidate/index.html");
		browser.awaitText(".invalidation-parent", "child");
		browser.markWindow();
		browser.clearConsole();

		playground.edit("invalidate/child.js", (js) -> js.replace("'child'", "'child updated'"));

		browser.awaitText(".invalidation-parent", "child updated");
		browser.awaitConsole(">>> vite:beforeUpdate -- update", ">>> vite:invalidate -- /invalidate/child.js",
				"[vite] invalidate /invalidate/child.js", "[vite] hot updated: /invalidate/child.js",
				">>> vite:afterUpdate -- update", ">>> vite:beforeUpdate -- update",
				"(invalidation) parent is executing", "[vite] hot updated: /invalidate/parent.js",
				">>> vite:afterUpdate -- update");
		assertThat(browser.console()).filteredOn(">>> vite:beforeUpdate -- update"::equals).hasSize(2);
		assertThat(browser.wasReloaded()).isFalse();
	}

}
