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
 * Vite's "deleting import from non-self-accepting module triggers prune" (playground
 * {@code prune}).
 */
class PruneBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void droppingTheOnlyImportOfAModuleDisposesThenPrunesIt(Browser browser) {
		open(browser, "/prune/index.html");
		browser.awaitText(".prune", "prune-init");
		browser.markWindow();

		playground.edit("prune/dep1.js", (js) -> js.replace("import './dep2.js'", "// import './dep2.js'"));

		browser.awaitText(".prune", "prune-init|dep2-disposed|dep2-pruned");
		browser.awaitConsole(">>> vite:beforePrune -- prune");
		assertThat(browser.wasReloaded()).isFalse();
	}

}
