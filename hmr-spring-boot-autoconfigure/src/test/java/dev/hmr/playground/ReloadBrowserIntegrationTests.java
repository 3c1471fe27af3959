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
 * When no module accepts an update, or the one that would declines it, the page reloads
 * (playgrounds {@code reload} and {@code decline}); an edit of the page itself updates it
 * in place.
 */
class ReloadBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void editingAModuleWithNoBoundaryReloadsThePage(Browser browser) {
		open(browser, "/reload/index.html");
		browser.awaitText(".plain", "plain0");
		browser.markWindow();

		playground().write("reload/plain.js", "export const plain = 'plain1'\n");

		browser.awaitReload();
		browser.awaitText(".plain", "plain1");
	}

	@Test
	void editingThePageUpdatesItInPlace(Browser browser) {
		// Our client can morph a page, so the server sends it hmr:template-update rather
		// than the full-reload Vite's own client still gets. (Another scenario may have
		// edited plain.js already, so its text is plain0 or plain1.)
		open(browser, "/reload/index.html");
		browser.await().until(() -> browser.text(".plain").startsWith("plain"));
		browser.markWindow();

		playground().edit("reload/index.html", (html) -> html.replace("<p class=\"plain\"></p>",
				"<p class=\"plain\"></p><p class=\"page\">page1</p>"));

		browser.awaitText(".page", "page1");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void editingADecliningModuleReloadsThePageEvenUnderAnAcceptingImporter(Browser browser) {
		open(browser, "/decline/index.html");
		browser.awaitText(".declining", "declining0");
		browser.markWindow();

		playground().edit("decline/declining.js", (js) -> js.replace("'declining0'", "'declining1'"));

		browser.awaitReload();
		browser.awaitText(".declining", "declining1");
	}

}
