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

/**
 * A page opened before its file exists shows Spring Boot's 404 error page, which loads
 * the client (issue #10): once the file is created, the {@code full-reload} naming it
 * reloads that error page into the real one, as Vite does for a new {@code .html} file.
 */
class NotYetCreatedPageBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void aPageThat404sReloadsIntoTheRealPageOnceItsFileIsCreated(Browser browser) {
		open(browser, "/not-yet-created.html");
		browser.awaitText("h1", "Whitelabel Error Page");
		browser.markWindow();

		playground().write("not-yet-created.html",
				"<!doctype html><html><head><title>made</title></head><body><p class=\"made\">made</p></body></html>");

		browser.awaitReload();
		browser.awaitText(".made", "made");
	}

}
