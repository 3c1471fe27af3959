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
 * Vite's "importing reloaded" (#2255, playground {@code importing-reloaded}): after
 * {@code a.js} was hot updated, a new {@code b.js} that imports it gets the same instance
 * of {@code a.js}, which therefore does not run again.
 */
class ImportingReloadedBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void aHotUpdatedModuleDoesNotRunAgainWhenItsImporterIsUpdated(Browser browser) {
		open(browser, "/importing-reloaded/index.html");
		browser.awaitText(".importing-reloaded", "a.js: a0; b.js: b0,a0; ");
		browser.markWindow();

		playground.edit("importing-reloaded/a.js", (js) -> js.replace("'a0'", "'a1'"));
		browser.awaitText(".importing-reloaded", "a.js: a0; b.js: b0,a0; a.js: a1; ");
		playground.edit("importing-reloaded/b.js", (js) -> js.replace("'b0'", "'b1'"));

		browser.awaitText(".importing-reloaded", "a.js: a0; b.js: b0,a0; a.js: a1; b.js: b1,a1; ");
		browser.awaitConsole("[vite] hot updated: /importing-reloaded/b.js");
		assertThat(browser.console()).filteredOn((line) -> line.startsWith("(importing reloaded) a.js"))
			.containsExactly("(importing reloaded) a.js: a0", "(importing reloaded) a.js: a1");
		assertThat(browser.wasReloaded()).isFalse();
	}

}
