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
 * Vite's CSS scenarios (playground {@code css}): a {@code <link>}ed stylesheet, one it
 * reaches by {@code @import}, and one imported from JavaScript, all updated in place.
 */
class CssBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void editingALinkedStylesheetSwapsItsLinkWithoutReloading(Browser browser) {
		open(browser, "/css/index.html");
		browser.awaitComputedStyle(".linked", "color", "rgb(255, 0, 0)");
		browser.markWindow();

		playground().edit("css/linked.css", (css) -> css.replace("rgb(255, 0, 0)", "rgb(0, 0, 255)"));

		browser.awaitComputedStyle(".linked", "color", "rgb(0, 0, 255)");
		browser.awaitConsole("[vite] css hot updated: /css/linked.css");
		assertThat(browser.script("return Array.from(document.querySelectorAll('link')).map((l) => l.href)")).asList()
			.singleElement()
			.asString()
			.contains(this.contextPath + "/css/linked.css?t=")
			.doesNotContain("direct");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void editingAStylesheetImportedByALinkedOneUpdatesItWithoutReloading(Browser browser) {
		open(browser, "/css/index.html");
		browser.awaitComputedStyle(".at-import", "color", "rgb(255, 0, 0)");
		browser.markWindow();

		playground().edit("css/at-import.css", (css) -> css.replace("rgb(255, 0, 0)", "rgb(0, 128, 0)"));

		browser.awaitComputedStyle(".at-import", "color", "rgb(0, 128, 0)");
		assertThat(browser.script("return document.querySelectorAll('link').length")).isEqualTo(1L);
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void editingAStylesheetImportedFromJavaScriptUpdatesItsStyleWithoutReloading(Browser browser) {
		open(browser, "/css/index.html");
		browser.awaitComputedStyle(".imported", "color", "rgb(255, 0, 0)");
		browser.markWindow();

		playground().edit("css/imported.css", (css) -> css.replace("rgb(255, 0, 0)", "rgb(0, 0, 255)"));

		browser.awaitComputedStyle(".imported", "color", "rgb(0, 0, 255)");
		browser.awaitConsole("[vite] hot updated: /css/imported.css");
		assertThat(browser.script("return document.querySelectorAll('style[data-vite-dev-id]').length")).isEqualTo(1L);
		assertThat(browser.wasReloaded()).isFalse();
	}

}
