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
