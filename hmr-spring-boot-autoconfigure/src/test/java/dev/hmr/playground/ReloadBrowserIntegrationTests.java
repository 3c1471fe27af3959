package dev.hmr.playground;

import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;

/**
 * When no module accepts an update, or the one that would declines it, the page reloads
 * (playgrounds {@code reload} and {@code decline}), as it does when the page itself is
 * edited.
 */
class ReloadBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Test
	void editingAModuleWithNoBoundaryReloadsThePage(Browser browser) {
		open(browser, "/reload/index.html");
		browser.awaitText(".plain", "plain0");
		browser.markWindow();

		playground().write("reload/plain.js", "export const plain = 'plain1'\n");

		browser.awaitReload();
		browser.awaitText(".plain", "plain1");
	}

	@Test
	void editingThePageReloadsIt(Browser browser) {
		// The payload names /reload/index.html; the client compares it, with its base, to location.pathname
		open(browser, "/reload/index.html");
		browser.awaitText(".plain", "plain0");
		browser.markWindow();

		playground().edit("reload/index.html",
				(html) -> html.replace("<p class=\"plain\"></p>", "<p class=\"plain\"></p><p class=\"page\">page1</p>"));

		browser.awaitReload();
		browser.awaitText(".page", "page1");
	}

	@Test
	void editingADecliningModuleReloadsThePageEvenUnderAnAcceptingImporter(Browser browser) {
		open(browser, "/decline/index.html");
		browser.awaitText(".declining", "declining0");
		browser.markWindow();

		playground().edit("decline/declining.js", (js) -> js.replace("'declining0'", "'declining1'"));

		browser.awaitReload();
		browser.awaitText(".declining", "declining1");
	}

}
