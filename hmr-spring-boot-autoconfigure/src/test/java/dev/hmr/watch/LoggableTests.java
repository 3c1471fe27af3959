package dev.hmr.watch;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Loggable}.
 */
class LoggableTests {

	@Test
	void controlCharactersOfAFileNameAreEscaped() {
		String logged = Loggable.of(Path.of("/src/app\n2026-12-01 ERROR forged\u001b[31m.js"));
		assertThat(logged).doesNotContain("\n", "\u001b").contains("/src/app").contains("forged");
	}

	@Test
	void pathsAndListsAreNotQuoted() {
		assertThat(Loggable.of(List.of(Path.of("/src")))).isEqualTo("[/src]");
		assertThat(Loggable.of(null)).isEqualTo("null");
	}

}
