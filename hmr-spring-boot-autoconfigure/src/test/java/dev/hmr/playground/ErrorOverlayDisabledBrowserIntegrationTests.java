package dev.hmr.playground;

import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

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

		this.channel.send(new ErrorPayload(HotError.of("boom without overlay", "    at render (/overlay/main.js:1:1)")));

		browser.awaitConsole("[vite] Internal Server Error\nboom without overlay\n    at render (/overlay/main.js:1:1)");
		assertThat(browser.script("return document.querySelectorAll('vite-error-overlay').length")).isEqualTo(0L);
	}

}
