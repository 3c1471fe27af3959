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
 * Vite's "not loaded dynamic import" (#7561, playground {@code dynamic-import}): a module
 * the page never imported is not the page's business.
 */
class NotLoadedDynamicImportBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void editingANeverLoadedDynamicImportDoesNotReloadThePage(Browser browser) {
		open(browser, "/dynamic-import/index.html");
		browser.awaitText(".loaded", "loaded0");
		browser.script("document.querySelector('.increment').click()");
		browser.awaitText(".counter", "Counter 1");
		browser.markWindow();

		playground.edit("dynamic-import/dep.js", (js) -> js.replace("'dep0'", "'dep1'"));
		// the watcher reports changes in order: once the next edit is applied, the first
		// one has been handled too
		playground.edit("dynamic-import/loaded.js", (js) -> js.replace("'loaded0'", "'loaded1'"));

		browser.awaitText(".loaded", "loaded1");
		assertThat(browser.console()).noneMatch((line) -> line.startsWith(">>> vite:beforeFullReload"));
		assertThat(browser.wasReloaded()).isFalse();
		assertThat(browser.text(".counter")).isEqualTo("Counter 1");
	}

}
