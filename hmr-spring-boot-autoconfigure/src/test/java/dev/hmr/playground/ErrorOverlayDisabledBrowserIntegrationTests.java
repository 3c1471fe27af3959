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
import org.springframework.test.context.TestPropertySource;

import dev.hmr.browser.Browser;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hmr.overlay=false} an error goes to the console only.
 */
@TestPropertySource(properties = "hmr.overlay=false")
class ErrorOverlayDisabledBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Autowired
	private ServerHotChannel channel;

	@Test
	void anErrorIsLoggedAndNoOverlayAppears(Browser browser) {
		open(browser, "/overlay/index.html");

		this.channel
			.send(new ErrorPayload(HotError.of("boom without overlay", "    at render (/overlay/main.js:1:1)")));

		browser
			.awaitConsole("[vite] Internal Server Error\nboom without overlay\n    at render (/overlay/main.js:1:1)");
		assertThat(browser.script("return document.querySelectorAll('vite-error-overlay').length")).isEqualTo(0L);
	}

}
