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

package dev.hmr.browser;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Browser}'s reading of chromedriver's console log, without a browser.
 */
class BrowserTests {

	@Test
	void aConsoleCallBecomesItsArgumentsJoinedWithSpaces() {
		assertThat(Browser.consoleLine("http://127.0.0.1:4000/@vite/client 38:9 \"[vite] connecting...\""))
			.isEqualTo("[vite] connecting...");
		assertThat(Browser.consoleLine("http://127.0.0.1:4000/hmr.js?t=1 4:38 \"(self-accepting 1) foo is now:\" 2"))
			.isEqualTo("(self-accepting 1) foo is now: 2");
	}

	@Test
	void escapesInStringArgumentsAreDecoded() {
		assertThat(Browser.consoleLine(
				"http://localhost/@vite/client 1:1 \"[vite] Internal Server Error\\nboom \\\"quoted\\\"\\n    at x\""))
			.isEqualTo("[vite] Internal Server Error\nboom \"quoted\"\n    at x");
	}

	@Test
	void anUncaughtErrorKeepsItsText() {
		assertThat(Browser.consoleLine("http://localhost/a.js 3:5 Uncaught Error: boom"))
			.isEqualTo("Uncaught Error: boom");
	}

	@Test
	void aMessageThatIsNotAConsoleCallIsKeptAsItIs() {
		String failedRequest = "http://localhost/missing.js - Failed to load resource: the server responded with a status of 404 (Not Found)";
		assertThat(Browser.consoleLine(failedRequest)).isEqualTo(failedRequest);
	}

	@Test
	void linesAreFoundInOrderWithOthersBetween() {
		List<String> console = List.of("a", "x", "b", "c");
		assertThat(Browser.containsInOrder(console, "a", "b", "c")).isTrue();
		assertThat(Browser.containsInOrder(console, "b", "a")).isFalse();
		assertThat(Browser.containsInOrder(console)).isTrue();
	}

}
