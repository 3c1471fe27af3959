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

package dev.hmr.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogSafe}.
 */
class LogSafeTests {

	@Test
	void escapesLineBreaksTabsAndBackslashes() {
		assertThat(LogSafe.of("a\nb\rc\td\\e")).isEqualTo("a\\nb\\rc\\td\\\\e");
	}

	@Test
	void escapesOtherControlCharacters() {
		assertThat(LogSafe.of("\u0000\u001b[31m\u007f\u0085\u009b"))
			.isEqualTo("\\u0000\\u001b[31m\\u007f\\u0085\\u009b");
	}

	@Test
	void escapesUnicodeLineSeparatorsAndBidirectionalControls() {
		assertThat(LogSafe.of("a\u2028b\u2029c\u202ed\u2066e\u200ff"))
			.isEqualTo("a\\u2028b\\u2029c\\u202ed\\u2066e\\u200ff");
	}

	@Test
	void keepsPrintableTextAsItIs() {
		assertThat(LogSafe.of("/café/ü.js?t=1 ok")).isEqualTo("/café/ü.js?t=1 ok");
	}

	@Test
	void shortensLongValuesAndSaysHowMuchWasLeftOut() {
		assertThat(LogSafe.of("x".repeat(LogSafe.MAX_LENGTH + 5)))
			.isEqualTo("x".repeat(LogSafe.MAX_LENGTH) + "…(5 more)");
		assertThat(LogSafe.of("abcdef", 3)).isEqualTo("abc…(3 more)");
	}

	@Test
	void quotesOrSaysNone() {
		assertThat(LogSafe.quoted("evil\n")).isEqualTo("'evil\\n'");
		assertThat(LogSafe.quoted(null)).isEqualTo("(none)");
		assertThat(LogSafe.of(null)).isEqualTo("null");
	}

}
