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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hmr.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative {@code @import} form of a {@code <link>}ed stylesheet (playground
 * {@code css-import}): quoted, {@code url("…")}, {@code url(…)}, with or without
 * {@code ./}, with a media query, a layer or a supports condition, and two levels deep.
 * An edit of an imported sheet updates, in place, the {@code <link>} that imports it: the
 * wire names that link's stylesheet ({@code /css-import/main.css?direct}), as Vite does.
 */
class CssImportBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	private static final String LINKED_UPDATE = ">>> updates -- css-update /css-import/main.css?direct";

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "double-quoted.css, .double-quoted", "single-quoted.css, .single-quoted",
			"url-double-quoted.css, .url-double-quoted", "url-unquoted.css, .url-unquoted", "dot-slash.css, .dot-slash",
			"url-dot-slash.css, .url-dot-slash", "media.css, .media", "layer.css, .layer", "supports.css, .supports",
			"deep/depth-one.css, .depth-one", "deep/depth-two.css, .depth-two" })
	void editingAnImportedStylesheetUpdatesTheLinkThatImportsItInPlace(String file, String selector, Browser browser) {
		open(browser, "/css-import/index.html");
		browser.awaitComputedStyle(selector, "color", "rgb(255, 0, 0)");
		browser.markWindow();
		browser.clearConsole();

		playground().edit("css-import/" + file, (css) -> css.replace("rgb(255, 0, 0)", "rgb(0, 0, 255)"));

		browser.awaitComputedStyle(selector, "color", "rgb(0, 0, 255)");
		browser.awaitConsole(LINKED_UPDATE, "[vite] css hot updated: /css-import/main.css");
		assertThat(updates(browser)).containsExactly(LINKED_UPDATE);
		assertThat(browser.script("return document.querySelectorAll('link').length")).isEqualTo(1L);
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void editingAStylesheetThatCssImportedFromJavaScriptImportsUpdatesItsModule(Browser browser) {
		open(browser, "/css-import/index.html");
		browser.awaitComputedStyle(".imported", "background-color", "rgb(255, 0, 0)");
		browser.markWindow();
		browser.clearConsole();

		playground().edit("css-import/deep/from-js.css", (css) -> css.replace("rgb(255, 0, 0)", "rgb(0, 0, 255)"));

		browser.awaitComputedStyle(".imported", "background-color", "rgb(0, 0, 255)");
		browser.awaitConsole("[vite] hot updated: /css-import/imported.css");
		assertThat(updates(browser)).containsExactly(">>> updates -- js-update /css-import/imported.css");
		assertThat(browser.script("return document.querySelectorAll('style[data-vite-dev-id]').length")).isEqualTo(1L);
		assertThat(browser.wasReloaded()).isFalse();
	}

	private static List<String> updates(Browser browser) {
		return browser.console().stream().filter((line) -> line.startsWith(">>> updates -- ")).toList();
	}

}
