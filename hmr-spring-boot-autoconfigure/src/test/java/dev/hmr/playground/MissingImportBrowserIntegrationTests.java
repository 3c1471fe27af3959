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
 * An import of a file that does not exist shows Vite's overlay naming the URL and the
 * importer (playground {@code missing-import}).
 */
class MissingImportBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void anImportOfAMissingFileShowsTheOverlayNamingItAndItsImporter(Browser browser) {
		open(browser, "/missing-import/index.html");

		browser.script("window.importMissing()");

		browser.awaitText(".missing", "failed");
		browser.await()
			.alias("the overlay's message")
			.until(() -> String.valueOf(browser.script(
					"return document.querySelector('vite-error-overlay').shadowRoot.querySelector('.message-body').textContent"))
				.equals("Failed to load url /missing-import/gone.js in /missing-import/main.js. Does the file exist?"));
		assertThat(browser.script(
				"return document.querySelector('vite-error-overlay').shadowRoot.querySelector('.file').textContent"))
			.asString()
			.contains("missing-import/main.js:3:");
	}

}
