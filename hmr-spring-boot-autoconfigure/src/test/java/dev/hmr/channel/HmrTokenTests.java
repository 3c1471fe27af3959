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

package dev.hmr.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HmrToken}.
 */
class HmrTokenTests {

	@Test
	void generatedTokenIsTwelveBase64UrlCharactersAsVitesIs() {
		assertThat(HmrToken.generate().value()).hasSize(12).matches("[A-Za-z0-9_-]{12}");
	}

	@Test
	void generatedTokensDiffer() {
		assertThat(HmrToken.generate().value()).isNotEqualTo(HmrToken.generate().value());
	}

	@Test
	void matchesItsOwnValueOnly() {
		HmrToken token = HmrToken.of("abcdefghijkl");
		assertThat(token.matches("abcdefghijkl")).isTrue();
		assertThat(token.matches("abcdefghijkX")).isFalse();
		assertThat(token.matches("abcdefghijk")).isFalse();
		assertThat(token.matches("")).isFalse();
		assertThat(token.matches(null)).isFalse();
	}

	@Test
	void toStringDoesNotRevealTheValue() {
		HmrToken token = HmrToken.generate();
		assertThat(token.toString()).doesNotContain(token.value());
	}

	@Test
	void valueMustNotBeEmpty() {
		assertThatIllegalArgumentException().isThrownBy(() -> HmrToken.of("")).withMessage("'value' must not be empty");
	}

}
