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

package dev.hmr.engine;

import dev.hmr.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser tests of in-place page updates share: waiting until an open page can
 * be morphed, and checking afterwards that it was not navigated away from.
 */
public final class MorphingPages {

	private MorphingPages() {
	}

	/**
	 * Wait until the page the browser shows has connected and the server knows it as a
	 * page that morphs, then note its navigations so far.
	 * @param browser the browser, on the page
	 * @param pageUpdates the server's page updates
	 * @return the page's id, from its {@code Server-Timing: hmr-page} entry
	 */
	public static String awaitMorphReady(Browser browser, PageUpdates pageUpdates) {
		browser.awaitConsole("[vite] connected.");
		String page = (String) browser.script("return performance.getEntriesByType('navigation')[0].serverTiming"
				+ ".find((t) => t.name === 'hmr-page').description;");
		assertThat(page).isNotBlank();
		browser.await().until(() -> pageUpdates.openPages().contains(page));
		browser.script("window.__navigations = performance.getEntriesByType('navigation').length;");
		return page;
	}

	/**
	 * Assert that the page was neither reloaded nor navigated since
	 * {@link #awaitMorphReady}.
	 * @param browser the browser
	 */
	public static void assertNoNavigation(Browser browser) {
		assertThat(browser.wasReloaded()).as("the page was reloaded").isFalse();
		assertThat(browser.script("return performance.getEntriesByType('navigation').length === window.__navigations;"))
			.isEqualTo(true);
	}

}
