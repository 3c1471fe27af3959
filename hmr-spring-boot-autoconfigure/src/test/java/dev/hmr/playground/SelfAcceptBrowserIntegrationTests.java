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
 * Vite's "self accept" and "hot data persists across module instances" (playground
 * {@code self-accept}): a counter that keeps its count through {@code hot.data}.
 */
class SelfAcceptBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void editingASelfAcceptingModuleKeepsItsStateWithoutReloading(Browser browser) {
		open(browser, "/self-accept/index.html");
		browser.awaitText(".counter", "count: 0");
		browser.script("document.querySelector('.increment').click(); document.querySelector('.increment').click();");
		browser.awaitText(".counter", "count: 2");
		browser.markWindow();
		browser.clearConsole();

		playground().edit("self-accept/counter.js",
				(js) -> js.replace("const label = 'count'", "const label = 'clicks'"));

		browser.awaitText(".counter", "clicks: 2");
		browser.awaitConsole(">>> vite:beforeUpdate -- update", "(self-accept) dispose, count was 2",
				"(self-accept) counter.js runs with clicks: 2", "(self-accept) accepted",
				"[vite] hot updated: /self-accept/counter.js", ">>> vite:afterUpdate -- update");
		assertThat(browser.wasReloaded()).isFalse();
	}

}
