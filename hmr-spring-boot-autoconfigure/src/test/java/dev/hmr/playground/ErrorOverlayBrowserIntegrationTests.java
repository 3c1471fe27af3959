package dev.hmr.playground;

import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;

import org.springframework.beans.factory.annotation.Autowired;

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
		// Vite reloads, rather than hot updates, a page whose first update finds an overlay
		// (its modules may never have loaded): one good update first
		playground.write("overlay/main.js",
				"document.querySelector('.overlay-text').textContent = 'overlay1'\n\nimport.meta.hot.accept()\n");
		browser.awaitText(".overlay-text", "overlay1");
		browser.markWindow();

		this.channel.send(new ErrorPayload(HotError.of("boom from the server", "    at render (/overlay/main.js:1:1)")));

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
