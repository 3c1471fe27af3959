package dev.hmr.playground;

import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vite's "invalidate" (playground {@code invalidate}): a module that accepts itself only to
 * call {@code hot.invalidate()} passes the update on to its self-accepting importer.
 */
class InvalidateBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void anInvalidatingModuleHandsItsUpdateToItsImporter(Browser browser) {
		open(browser, "/invalidate/index.html");
		browser.awaitText(".invalidation-parent", "child");
		browser.markWindow();
		browser.clearConsole();

		playground.edit("invalidate/child.js", (js) -> js.replace("'child'", "'child updated'"));

		browser.awaitText(".invalidation-parent", "child updated");
		browser.awaitConsole(">>> vite:beforeUpdate -- update", ">>> vite:invalidate -- /invalidate/child.js",
				"[vite] invalidate /invalidate/child.js", "[vite] hot updated: /invalidate/child.js",
				">>> vite:afterUpdate -- update", ">>> vite:beforeUpdate -- update",
				"(invalidation) parent is executing", "[vite] hot updated: /invalidate/parent.js",
				">>> vite:afterUpdate -- update");
		assertThat(browser.console()).filteredOn(">>> vite:beforeUpdate -- update"::equals).hasSize(2);
		assertThat(browser.wasReloaded()).isFalse();
	}

}
