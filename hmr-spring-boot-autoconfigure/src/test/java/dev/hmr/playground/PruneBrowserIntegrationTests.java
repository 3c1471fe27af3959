package dev.hmr.playground;

import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vite's "deleting import from non-self-accepting module triggers prune" (playground
 * {@code prune}).
 */
class PruneBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void droppingTheOnlyImportOfAModuleDisposesThenPrunesIt(Browser browser) {
		open(browser, "/prune/index.html");
		browser.awaitText(".prune", "prune-init");
		browser.markWindow();

		playground.edit("prune/dep1.js", (js) -> js.replace("import './dep2.js'", "// import './dep2.js'"));

		browser.awaitText(".prune", "prune-init|dep2-disposed|dep2-pruned");
		browser.awaitConsole(">>> vite:beforePrune -- prune");
		assertThat(browser.wasReloaded()).isFalse();
	}

}
