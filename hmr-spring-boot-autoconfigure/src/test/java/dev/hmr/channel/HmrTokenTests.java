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
		assertThatIllegalArgumentException().isThrownBy(() -> HmrToken.of(""))
			.withMessage("'value' must not be empty");
	}

}
