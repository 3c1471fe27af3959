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

import org.springframework.beans.factory.annotation.Autowired;

import dev.hmr.browser.Browser;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code error} payload shows Vite's overlay, and the next successful update takes it
 * away (playground {@code overlay}).
 */
class ErrorOverlayBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Autowired
	private ServerHotChannel channel;

	@Test
	void anErrorShowsTheOverlayAndTheNextSuccessfulUpdateRemovesIt(Browser browser) {
		open(browser, "/overlay/index.html");
		// Vite reloads, rather than hot updates, a page whose first update finds an
		// overlay
		// (its modules may never have loaded): one good update first
		playground.write("overlay/main.js",
				"document.querySelector('.overlay-text').textContent = 'overlay1'\n\nimport.meta.hot.accept()\n");
		browser.awaitText(".overlay-text", "overlay1");
		browser.markWindow();

		this.channel
			.send(new ErrorPayload(HotError.of("boom from the server", "    at render (/overlay/main.js:1:1)")));

		browser.await()
			.alias("the overlay's message")
			.until(() -> "boom from the server".equals(browser.script(
					"return document.querySelector('vite-error-overlay').shadowRoot.querySelector('.message-body').textContent")));
		browser.awaitConsole(">>> vite:error -- boom from the server");

		playground.write("overlay/main.js",
				"document.querySelector('.overlay-text').textContent = 'overlay2'\n\nimport.meta.hot.accept()\n");

		browser.awaitText(".overlay-text", "overlay2");
		assertThat(browser.script("return document.querySelectorAll('vite-error-overlay').length")).isEqualTo(0L);
		assertThat(browser.wasReloaded()).isFalse();
	}

}
