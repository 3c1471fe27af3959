package dev.hmr.playground;

import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vite's "self accept" and "hot data persists across module instances" (playground
 * {@code self-accept}): a counter that keeps its count through {@code hot.data}.
 */
class SelfAcceptBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void editingASelfAcceptingModuleKeepsItsStateWithoutReloading(Browser browser) {
		open(browser, "/self-accept/index.html");
		browser.awaitText(".counter", "count: 0");
		browser.script("document.querySelector('.increment').click(); document.querySelector('.increment').click();");
		browser.awaitText(".counter", "count: 2");
		browser.markWindow();
		browser.clearConsole();

		playground().edit("self-accept/counter.js", (js) -> js.replace("const label = 'count'", "const label = 'clicks'"));

		browser.awaitText(".counter", "clicks: 2");
		browser.awaitConsole(">>> vite:beforeUpdate -- update", "(self-accept) dispose, count was 2",
				"(self-accept) counter.js runs with clicks: 2", "(self-accept) accepted",
				"[vite] hot updated: /self-accept/counter.js", ">>> vite:afterUpdate -- update");
		assertThat(browser.wasReloaded()).isFalse();
	}

}
