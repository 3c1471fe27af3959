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

package dev.hmr.client;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client in a real headless Chromium, served by our {@link HmrClientRequestHandler}
 * from a real Tomcat whose WebSocket the test scripts ({@link ScriptedHmrServer}).
 */
@ExtendWith(BrowserExtension.class)
class ClientInBrowserIntegrationTests {

	private static final String EVENT_LOGGERS = """
			import.meta.hot.on('vite:beforeUpdate', (e) => console.log('>>> vite:beforeUpdate -- ' + e.type))
			import.meta.hot.on('vite:afterUpdate', (e) => console.log('>>> vite:afterUpdate -- ' + e.type))
			import.meta.hot.on('vite:error', (e) => console.log('>>> vite:error -- ' + e.err.message))
			""";

	private static ScriptedHmrServer server;

	private static long timestamp = 1_800_000_000_000L;

	@BeforeAll
	static void startServer() throws Exception {
		server = new ScriptedHmrServer(ScriptedHmrServer.defaultSettings());
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@Test
	void theErrorOverlayShowsTheErrorInItsShadowDomAndEscapeClosesIt(Browser browser) throws Exception {
		server.write("/blank.html", "<!doctype html><html><head></head><body></body></html>");
		browser.open(server.url("/blank.html"));

		browser.evaluate("""
				import('/@vite/client').then((m) => document.body.appendChild(new m.ErrorOverlay({
					message: 'boom', stack: '    at render (/src/app.js:3:7)', plugin: 'hmr:transform',
					loc: { file: '/src/app.js', line: 3, column: 7 }, frame: '3 | x(\\n  | ^' })))
				.then(() => true)""");

		assertThat(shadowText(browser, ".message-body")).isEqualTo("boom");
		assertThat(shadowText(browser, ".plugin")).isEqualTo("[plugin:hmr:transform] ");
		assertThat(shadowText(browser, ".file")).isEqualTo("/src/app.js:3:7");
		assertThat(shadowText(browser, ".frame")).isEqualTo("3 | x(\n  | ^");
		assertThat(shadowText(browser, ".stack")).isEqualTo("    at render (/src/app.js:3:7)");
		assertThat(browser.script("""
				return ['backdrop', 'window', 'message', 'file', 'frame', 'stack', 'tip'].every((part) =>
					document.querySelector('vite-error-overlay').shadowRoot.querySelector('[part=' + part + ']'))"""))
			.isEqualTo(true);

		browser.script("document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))");
		assertThat(browser.script("return document.querySelectorAll('vite-error-overlay').length")).isEqualTo(0L);
	}

	@Test
	void aClickOutsideTheWindowClosesTheOverlayAndAClickInsideDoesNot(Browser browser) throws Exception {
		server.write("/blank.html", "<!doctype html><html><head></head><body></body></html>");
		browser.open(server.url("/blank.html"));
		browser.evaluate("import('/@vite/client').then((m) => "
				+ "document.body.appendChild(new m.ErrorOverlay({ message: 'boom', stack: '' }))).then(() => true)");

		browser.script("document.querySelector('vite-error-overlay').shadowRoot.querySelector('.window').click()");
		assertThat(browser.script("return document.querySelectorAll('vite-error-overlay').length")).isEqualTo(1L);
		browser.script("document.querySelector('vite-error-overlay').click()");
		assertThat(browser.script("return document.querySelectorAll('vite-error-overlay').length")).isEqualTo(0L);
	}

	@Test
	void updateStyleAndRemoveStyleChangeTheComputedStyle(Browser browser) throws Exception {
		server.write("/styled.html", "<!doctype html><html><head><meta property=\"csp-nonce\" nonce=\"n0nce\">"
				+ "</head><body><p class=\"box\">box</p></body></html>");
		browser.open(server.url("/styled.html"));
		assertThat(browser.computedStyle(".box", "color")).isEqualTo("rgb(0, 0, 0)");

		browser.evaluate("import('/@vite/client').then((m) => m.updateStyle('/abs/box.css', '.box { color: red }'))");
		assertThat(browser.computedStyle(".box", "color")).isEqualTo("rgb(255, 0, 0)");
		assertThat(browser.script("const s = document.querySelector('style[data-vite-dev-id=\"/abs/box.css\"]');"
				+ "return [s.getAttribute('type'), s.nonce, s.parentNode === document.head]"))
			.isEqualTo(List.of("text/css", "n0nce", true));

		browser.evaluate("import('/@vite/client').then((m) => m.updateStyle('/abs/box.css', '.box { color: blue }'))");
		assertThat(browser.computedStyle(".box", "color")).isEqualTo("rgb(0, 0, 255)");
		assertThat(browser.script("return document.querySelectorAll('style[data-vite-dev-id]').length")).isEqualTo(1L);

		browser.evaluate("import('/@vite/client').then((m) => m.removeStyle('/abs/box.css'))");
		assertThat(browser.computedStyle(".box", "color")).isEqualTo("rgb(0, 0, 0)");
	}

	@Test
	void aServerRenderedStylesheetIsNotDuplicatedByUpdateStyleAndRemoveStyleRemovesIt(Browser browser)
			throws Exception {
		server.write("/css-link/styles.css", ".box { color: orange }");
		server.write("/css-link/index.html", "<!doctype html><html><head><script type=\"module\" src=\"/@vite/client\">"
				+ "</script><link rel=\"stylesheet\" href=\"/css-link/styles.css\" data-vite-dev-id=\"/abs/styles.css\">"
				+ "</head><body><p class=\"box\">box</p></body></html>");
		browser.open(server.url("/css-link/index.html"));
		browser.awaitComputedStyle(".box", "color", "rgb(255, 165, 0)");

		browser
			.evaluate("import('/@vite/client').then((m) => m.updateStyle('/abs/styles.css', '.box { color: blue }'))");
		assertThat(browser.script("return document.querySelectorAll('style').length")).isEqualTo(0L);

		browser.evaluate("import('/@vite/client').then((m) => m.removeStyle('/abs/styles.css'))");
		assertThat(browser.computedStyle(".box", "color")).isEqualTo("rgb(0, 0, 0)");
	}

	@Test
	void aPageConnectsToTheSocketOnItsOwnAddressWithTheToken(Browser browser) throws Exception {
		int handshakes = server.handshakes().size();
		writePage();
		browser.open(server.url("/index.html"));

		browser.awaitConsole("[vite] connecting...", "[vite] connected.");
		assertThat(server.handshakes()).hasSize(handshakes + 1).last().isEqualTo("token=" + ScriptedHmrServer.TOKEN);
	}

	@Test
	void aSelfAcceptingModuleIsHotUpdatedWithoutReload(Browser browser) throws Exception {
		server.writeModule("/hmr.js", hmrModule(1));
		writePage();
		browser.open(server.url("/index.html"));
		browser.awaitText(".app", "1");
		browser.awaitConsole("[vite] connected.");
		browser.markWindow();
		browser.clearConsole();

		server.writeModule("/hmr.js", hmrModule(2));
		server.send(jsUpdate("/hmr.js", "/hmr.js"));

		browser.awaitExactConsole(">>> vite:beforeUpdate -- update", "foo was: 1", "(self-accepting 1) foo is now: 2",
				"(self-accepting 2) foo is now: 2", "[vite] hot updated: /hmr.js", ">>> vite:afterUpdate -- update");
		assertThat(browser.text(".app")).isEqualTo("2");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void aLinkedStylesheetIsSwappedForANewOneWithoutAFlash(Browser browser) throws Exception {
		server.write("/global.css", ".box { color: rgb(255, 255, 255) }");
		server.write("/css.html",
				"<!doctype html><html><head><script type=\"module\" src=\"/@vite/client\"></script>"
						+ "<link rel=\"stylesheet\" href=\"/global.css?param=required\"></head>"
						+ "<body><p class=\"box\">box</p></body></html>");
		browser.open(server.url("/css.html"));
		browser.awaitConsole("[vite] connected.");
		browser.markWindow();
		browser.script("""
				window.linkChanges = [];
				new MutationObserver((records) => records.forEach((r) => {
					r.addedNodes.forEach((n) => n.tagName === 'LINK' && linkChanges.push('added'));
					r.removedNodes.forEach((n) => n.tagName === 'LINK' && linkChanges.push('removed'));
				})).observe(document.head, { childList: true });""");

		server.write("/global.css", ".box { color: tomato }");
		long ts = ++timestamp;
		server.send("{\"type\":\"update\",\"updates\":[{\"type\":\"css-update\",\"timestamp\":" + ts
				+ ",\"path\":\"/global.css?param=required&direct\",\"acceptedPath\":\"/global.css?param=required&direct\","
				+ "\"explicitImportRequired\":false,\"isWithinCircularImport\":false}]}");

		browser.awaitComputedStyle(".box", "color", "rgb(255, 99, 71)");
		browser.awaitConsole("[vite] css hot updated: /global.css?param=required");
		assertThat(browser.script("return linkChanges")).isEqualTo(List.of("added", "removed"));
		assertThat(browser.script("return [...document.querySelectorAll('link')].map((l) => l.href)"))
			.isEqualTo(List.of(server.url("/global.css?param=required&t=" + ts)));
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void anErrorShowsTheOverlayAndTheNextUpdateClosesIt(Browser browser) throws Exception {
		server.writeModule("/hmr.js", hmrModule(1));
		writePage();
		browser.open(server.url("/index.html"));
		browser.awaitConsole("[vite] connected.");
		server.writeModule("/hmr.js", hmrModule(2));
		server.send(jsUpdate("/hmr.js", "/hmr.js"));
		browser.awaitText(".app", "2");

		server.send("{\"type\":\"error\",\"err\":{\"message\":\"Unexpected token (3:7)\",\"stack\":\"    at parse\","
				+ "\"id\":\"/abs/src/hmr.js\",\"plugin\":\"hmr:lexer\"}}");
		browser.awaitConsole(">>> vite:error -- Unexpected token (3:7)");
		browser.await().until(() -> "Unexpected token (3:7)".equals(shadowText(browser, ".message-body")));
		assertThat(shadowText(browser, ".file")).isEqualTo("/abs/src/hmr.js");

		server.writeModule("/hmr.js", hmrModule(3));
		server.send(jsUpdate("/hmr.js", "/hmr.js"));
		browser.awaitText(".app", "3");
		assertThat(browser.script("return document.querySelectorAll('vite-error-overlay').length")).isEqualTo(0L);
	}

	@Test
	void aFullReloadReloadsThePageUnlessItIsAboutAnotherPage(Browser browser) throws Exception {
		writePage();
		browser.open(server.url("/index.html"));
		browser.awaitConsole("[vite] connected.");
		browser.markWindow();

		server.send("{\"type\":\"full-reload\",\"path\":\"/other.html\"}");
		server.send("{\"type\":\"custom\",\"event\":\"test:marker\",\"data\":\"after\"}");
		browser.awaitConsole("test:marker received \"after\"");
		assertThat(browser.wasReloaded()).isFalse();

		server.send("{\"type\":\"full-reload\",\"path\":\"*\"}");
		browser.awaitReload();
	}

	@Test
	void customEventsTravelBothWays(Browser browser) throws Exception {
		writePage();
		browser.open(server.url("/index.html"));
		browser.awaitConsole("[vite] connected.");

		server.send("{\"type\":\"custom\",\"event\":\"test:marker\",\"data\":{\"msg\":\"hello\"}}");
		browser.awaitConsole("test:marker received {\"msg\":\"hello\"}");
		browser.evaluate("import('/@vite/client').then((m) => "
				+ "m.createHotContext('/main.js').send('custom:remote-add', { a: 1, b: 2 }))");
		browser.await()
			.until(() -> server.received()
				.contains("{\"type\":\"custom\",\"event\":\"custom:remote-add\",\"data\":{\"a\":1,\"b\":2}}"));
	}

	@Test
	void afterTheServerGoesAwayThePagePollsAndReloadsOnceItIsBack(Browser browser) throws Exception {
		writePage();
		browser.open(server.url("/index.html"));
		browser.awaitConsole("[vite] connected.");
		browser.markWindow();
		browser.clearConsole();
		int pings = server.pings();

		server.accepting(false);
		server.dropClients();
		browser.awaitConsole(">>> vite:ws:disconnect", "[vite] server connection lost. Polling for restart...");
		assertThat(browser.wasReloaded()).isFalse();

		server.accepting(true);
		browser.awaitReload();
		browser.awaitConsole("[vite] connecting...", "[vite] connected.");
		assertThat(server.pings()).isEqualTo(pings + 1);
	}

	private static void writePage() throws Exception {
		server.writeModule("/main.js", """
				import.meta.hot.on('test:marker', (data) => console.log('test:marker received', JSON.stringify(data)))
				import.meta.hot.on('vite:ws:disconnect', () => console.log('>>> vite:ws:disconnect'))
				""");
		server.write("/index.html", """
				<!doctype html>
				<html><head><script type="module" src="/@vite/client"></script></head>
				<body><div class="app"></div>
				<script type="module" src="/main.js"></script>
				<script type="module">if (document.querySelector('.app')) import('/hmr.js').catch(() => {})</script>
				</body></html>""");
	}

	private static String hmrModule(int foo) {
		return """
				export const foo = %d
				document.querySelector('.app').textContent = foo
				if (import.meta.hot) {
					import.meta.hot.accept(({ foo }) => console.log('(self-accepting 1) foo is now:', foo))
					import.meta.hot.accept(({ foo }) => console.log('(self-accepting 2) foo is now:', foo))
					import.meta.hot.dispose(() => console.log('foo was:', foo))
					%s
				}
				""".formatted(foo, EVENT_LOGGERS);
	}

	private static String jsUpdate(String path, String acceptedPath) {
		return "{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":" + (++timestamp)
				+ ",\"path\":\"" + path + "\",\"acceptedPath\":\"" + acceptedPath
				+ "\",\"explicitImportRequired\":false,\"isWithinCircularImport\":false}]}";
	}

	private static Object shadowText(Browser browser, String selector) {
		return browser.script("const o = document.querySelector('vite-error-overlay');"
				+ "return o ? o.shadowRoot.querySelector(arguments[0]).textContent : null;", selector);
	}

}
