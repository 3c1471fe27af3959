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

import dev.hmr.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JS edit at the bottom of a chain: the client preloads, as the update arrives, the
 * modules the accepting module's re-import fetches anew (the update's
 * {@code invalidates}), and only those, then takes the links away once the update is on
 * screen.
 */
class PreloadBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void theModulesBetweenTheEditAndTheBoundaryArePreloadedAndTheLinksRemoved(Browser browser) {
		open(browser, "/preload/index.html");
		browser.awaitText(".value", "first kept");
		browser.markWindow();
		browser.script("window.__preloads = [];"
				+ "new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach((node) => {"
				+ "  if (node.rel === 'modulepreload') window.__preloads.push(new URL(node.href).pathname + new URL(node.href).search);"
				+ "}))).observe(document.head, { childList: true });");

		playground().edit("preload/b.js", (js) -> js.replace("'first'", "'second'"));

		browser.awaitText(".value", "second kept");
		@SuppressWarnings("unchecked")
		List<String> preloads = (List<String>) browser.evaluate("window.__preloads");
		assertThat(preloads).hasSize(2);
		assertThat(preloads.get(0)).matches("/preload/a\\.js\\?t=\\d{13}");
		assertThat(preloads.get(1)).matches("/preload/b\\.js\\?t=\\d{13}");
		browser.await()
			.untilAsserted(
					() -> assertThat(browser.evaluate("document.querySelectorAll('link[rel=modulepreload]').length"))
						.isEqualTo(0L));
		assertThat(browser.wasReloaded()).isFalse();
	}

}
