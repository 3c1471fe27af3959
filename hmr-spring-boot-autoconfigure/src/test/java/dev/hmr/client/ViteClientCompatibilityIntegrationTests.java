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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.channel.HmrSocketSettings;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Vite's own, unmodified browser client ({@code dist/client/client.mjs} and
 * {@code env.mjs} from the npm package {@code vite}) in a real headless Chromium, against
 * our real server: the client's placeholders are filled as Vite fills them and it is
 * served at {@code /@vite/client} in place of ours; the socket, token check, module
 * serving, module graph, watcher and engine are all ours. Each scenario has its own
 * folder from {@code src/test/resources/vite-compat}, copied to a temporary project
 * before the context starts (creating files later would fire watcher events that race
 * with the tests).
 * <p>
 * Needs {@code npm} on the path (the package is installed into {@code target/vite-client}
 * once), {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 */
// hmr.timeout is the client's ping interval: short, so that every scenario runs with
// Vite's keep-alive pings going to our server
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "hmr.enabled=true", "hmr.timeout=300ms" })
@ExtendWith(BrowserExtension.class)
class ViteClientCompatibilityIntegrationTests {

	/** The version asked for first; then the newest 8.x, then the newest 7.x. */
	static final List<String> VITE_VERSIONS = List.of("vite@8.3.8", "vite@8", "vite@7");

	static final Path VITE_DIR = Path.of("target", "vite-client").toAbsolutePath();

	static final Path CLIENT_DIR = VITE_DIR.resolve("node_modules/vite/dist/client");

	private static final Path project = createProject();

	private static final BlockingQueue<JsonNode> fromBrowser = new LinkedBlockingQueue<>();

	private static final BlockingQueue<JsonNode> invalidations = new LinkedBlockingQueue<>();

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Autowired
	private HmrSocketSettings settings;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.resolve("static").toString());
	}

	@BeforeAll
	static void installVite() {
		ViteClient.install();
	}

	/**
	 * Whatever the scenario, Vite's client must not have met a failed request, an
	 * uncaught error or a failed update on the way.
	 */
	@AfterEach
	void noErrorsInTheConsole(Browser browser) {
		assertThat(browser.console()).as("browser console")
			.filteredOn((line) -> !line.contains("/favicon.ico"))
			.noneMatch((line) -> line.contains("Failed to load resource") || line.startsWith("Uncaught")
					|| line.contains("[hmr]") || line.contains("Failed to reload") || line.contains("failed to connect")
					|| line.contains("connection lost"));
	}

	@Test
	void connectsWithTheTokenAndTheSubprotocol(Browser browser) {
		browser.open(url("/connect/index.html"));
		browser.awaitConsole("[vite] connecting...", "[vite] connected.");
		assertThat(browser.console()).noneMatch((line) -> line.contains("failed to connect"));
		assertThat(browser.script("return document.querySelectorAll('script[src=\"/@vite/client\"]').length"))
			.isEqualTo(1L);
		// the page runs Vite's client, not ours (which logs the same lines): Vite's
		// source, with our token
		assertThat(browser.evaluate("fetch('/@vite/client').then((r) => r.text())")).asString()
			.contains("// src/client/client.ts")
			.contains("const wsToken = \"" + this.settings.token().value() + "\";")
			.startsWith("import \"/@vite/env\";");
	}

	@Test
	void theSocketOnlyOpensWithTheTokenFilledIntoVitesClient(Browser browser) {
		browser.open(url("/token/index.html"));
		browser.awaitConsole("[vite] connected.");
		String open = """
				new Promise((resolve) => {
					const socket = new WebSocket('ws://' + location.host + '/@hmr?token=' + %s, 'vite-hmr');
					socket.onopen = () => { socket.close(); resolve('opened'); };
					socket.onerror = () => resolve('refused');
				})""";
		assertThat(browser.evaluate(open.formatted("'not-the-token'"))).isEqualTo("refused");
		assertThat(browser.evaluate(open.formatted("'" + this.settings.token().value() + "'"))).isEqualTo("opened");
		// the refused socket is the one expected error
		assertThat(browser.console()).filteredOn((line) -> line.contains("WebSocket connection"))
			.singleElement()
			.asString()
			.contains("not-the-token");
		browser.clearConsole();
	}

	@Test
	void theClientsKeepAlivePingsLeaveTheConnectionUp(Browser browser) {
		open(browser, "/ping/index.html", "waiting");

		browser.await().until(() -> ((Number) browser.script("return window.__pings")).intValue() >= 3);
		this.channel.send("compat:still-there", Map.of("text", "still connected"));

		browser.awaitText(".app", "still connected");
		assertThat(browser.console()).containsOnlyOnce("[vite] connected.");
	}

	@Test
	void aSelfAcceptingModuleIsHotUpdatedAndThePageKeepsItsState(Browser browser) throws IOException {
		open(browser, "/self/index.html", "self 1");
		browser.markWindow();

		edit("self/app.js", "'self 1'", "'self 2'");

		browser.awaitText(".app", "self 2");
		browser.awaitConsole("[vite] hot updated: /self/app.js");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void anAcceptedDepIsHotUpdatedThroughItsImporter(Browser browser) throws IOException {
		open(browser, "/dep/index.html", "child 1");
		browser.markWindow();

		edit("dep/child.js", "'child 1'", "'child 2'");

		browser.awaitText(".app", "child 2");
		browser.awaitConsole("[vite] hot updated: /dep/child.js via /dep/parent.js");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void aLinkedStylesheetIsSwapped(Browser browser) throws IOException {
		browser.open(url("/css/index.html"));
		browser.awaitConsole("[vite] connected.");
		browser.awaitComputedStyle(".box", "color", "rgb(255, 0, 0)");
		browser.markWindow();

		edit("css/style.css", "rgb(255, 0, 0)", "rgb(0, 0, 255)");

		browser.awaitComputedStyle(".box", "color", "rgb(0, 0, 255)");
		browser.awaitConsole("[vite] css hot updated: /css/style.css");
		// Vite's client writes the new link's href as an absolute URL
		assertThat(browser.script("return [...document.querySelectorAll('link')].map((l) => l.href)"))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.asString()
			.matches(Pattern.quote(url("/css/style.css?t=")) + "\\d{13}");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void aStylesheetImportedFromJavaScriptIsUpdatedThroughVitesUpdateStyle(Browser browser) throws IOException {
		open(browser, "/cssjs/index.html", "styled");
		browser.awaitComputedStyle(".box", "color", "rgb(0, 128, 0)");
		browser.markWindow();

		edit("cssjs/style.css", "rgb(0, 128, 0)", "rgb(128, 0, 128)");

		browser.awaitComputedStyle(".box", "color", "rgb(128, 0, 128)");
		browser.awaitConsole("[vite] hot updated: /cssjs/style.css");
		assertThat(browser.script("return document.querySelectorAll('style[data-vite-dev-id]').length")).isEqualTo(1L);
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void editingThePageReloadsIt(Browser browser) throws IOException {
		open(browser, "/page/index.html", "page 1");
		browser.markWindow();

		edit("page/index.html", "page 1", "page 2");

		browser.awaitReload();
		browser.awaitText(".app", "page 2");
	}

	@Test
	void aChangeWithNoBoundaryReloadsThePage(Browser browser) throws IOException {
		open(browser, "/reload/index.html", "plain 1");
		browser.markWindow();

		edit("reload/plain.js", "'plain 1'", "'plain 2'");

		browser.awaitReload();
		browser.awaitText(".app", "plain 2");
	}

	@Test
	void anErrorShowsVitesOverlayAndTheNextUpdateClearsIt(Browser browser) throws IOException {
		open(browser, "/error/index.html", "error 1");
		browser.markWindow();
		// Vite's client reloads the page instead when the first update after a load finds
		// an overlay, so the page has had one update before the error
		edit("error/app.js", "'error 1'", "'error 2'");
		browser.awaitText(".app", "error 2");

		this.channel.send(new ErrorPayload(HotError.of("Unexpected token (3:7)", "    at parse (/error/app.js:3:7)")));

		browser.await()
			.until(() -> "Unexpected token (3:7)"
				.equals(browser.script("const o = document.querySelector('vite-error-overlay');"
						+ "return o && o.shadowRoot.querySelector('.message-body').textContent;")));

		edit("error/app.js", "'error 2'", "'error 3'");

		browser.awaitText(".app", "error 3");
		browser.await()
			.until(() -> Long.valueOf(0)
				.equals(browser.script("return document.querySelectorAll('vite-error-overlay').length")));
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void aCustomEventFromTheServerReachesImportMetaHotOn(Browser browser) {
		open(browser, "/custom/index.html", "listening");

		this.channel.send("compat:greeting", Map.of("text", "hello from Spring"));

		browser.awaitText(".app", "hello from Spring");
		browser.awaitConsole("compat:greeting hello from Spring");
	}

	@Test
	void importMetaHotSendReachesAServerListener(Browser browser) throws InterruptedException {
		fromBrowser.clear();
		open(browser, "/send/index.html", "ready");

		browser.script("window.sendToServer('hello from the browser')");

		JsonNode data = fromBrowser.poll(10, TimeUnit.SECONDS);
		assertThat(data).as("compat:from-browser data").isNotNull();
		assertThat(data.get("text").asString()).isEqualTo("hello from the browser");
	}

	@Test
	void droppingAnImportRunsTheDepsDisposeThenPrune(Browser browser) throws IOException {
		open(browser, "/prune/index.html", "with dep");
		browser.markWindow();
		browser.clearConsole();

		write("prune/app.js",
				"document.querySelector('.app').textContent = 'without dep';\nimport.meta.hot.accept();\n");

		browser.awaitText(".app", "without dep");
		browser.awaitConsole("dep disposed", "dep pruned");
		assertThat(browser.console()).filteredOn((line) -> line.startsWith("dep "))
			.containsExactly("dep disposed", "dep pruned");
		assertThat(browser.wasReloaded()).isFalse();
	}

	@Test
	void anInvalidatedModuleMakesItsImporterReExecute(Browser browser) throws IOException, InterruptedException {
		invalidations.clear();
		open(browser, "/invalidate/index.html", "parent sees child 1");
		browser.markWindow();

		write("invalidate/child.js", read("invalidate/child.js").replace("version = 1", "version = 2")
			.replace("needsImporter = false", "needsImporter = true"));

		JsonNode invalidation = invalidations.poll(10, TimeUnit.SECONDS);
		assertThat(invalidation).as("vite:invalidate from the browser").isNotNull();
		assertThat(invalidation.get("path").asString()).isEqualTo("/invalidate/child.js");
		assertThat(invalidation.get("message").asString()).isEqualTo("exports changed");
		assertThat(invalidation.get("firstInvalidatedBy").asString()).isEqualTo("/invalidate/child.js");
		browser.awaitText(".app", "parent sees child 2");
		browser.awaitConsole("child ran 1", "parent ran with child 1",
				"update /invalidate/child.js firstInvalidatedBy=undefined", "child ran 2",
				"[vite] hot updated: /invalidate/child.js",
				"update /invalidate/parent.js firstInvalidatedBy=/invalidate/child.js", "parent ran with child 2",
				"[vite] hot updated: /invalidate/parent.js");
		// the re-executed importer imports the child at the URL the client re-imported it
		// from (?t= of its last change), so there is still one instance of version 2
		assertThat(browser.console()).filteredOn((line) -> line.startsWith("child ran"))
			.containsExactly("child ran 1", "child ran 2");
		assertThat(browser.wasReloaded()).isFalse();
	}

	private void open(Browser browser, String page, String text) {
		browser.open(url(page));
		browser.awaitConsole("[vite] connected.");
		browser.awaitText(".app", text);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void edit(String relative, String from, String to) throws IOException {
		String source = read(relative);
		assertThat(source).contains(from);
		write(relative, source.replace(from, to));
	}

	private static String read(String relative) throws IOException {
		return Files.readString(project.resolve("static").resolve(relative));
	}

	private static void write(String relative, String content) throws IOException {
		Files.writeString(project.resolve("static").resolve(relative), content);
	}

	private static Path createProject() {
		try {
			URL fixtures = ViteClientCompatibilityIntegrationTests.class.getResource("/vite-compat");
			assertThat(fixtures).as("fixtures on the test class path").isNotNull();
			Path source = Path.of(fixtures.toURI());
			Path target = Files.createTempDirectory("hmr-vite-compat").toRealPath().resolve("static");
			try (Stream<Path> files = Files.walk(source)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Path copy = target.resolve(source.relativize(file).toString());
					Files.createDirectories(copy.getParent());
					Files.copy(file, copy);
				}
			}
			return target.getParent();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Vite's browser client from npm, with its placeholders filled in as Vite's
	 * {@code vite:client-inject} does: JSON literals.
	 */
	static final class ViteClient {

		/**
		 * Every placeholder of {@code client.mjs} and {@code env.mjs} (VITE-HMR-REFERENCE
		 * §5).
		 */
		private static final Pattern PLACEHOLDER = Pattern.compile("__(BASE|SERVER_HOST|HMR_PROTOCOL|HMR_HOSTNAME|"
				+ "HMR_PORT|HMR_DIRECT_TARGET|HMR_BASE|HMR_TIMEOUT|HMR_ENABLE_OVERLAY|HMR_CONFIG_NAME|WS_TOKEN|"
				+ "SERVER_FORWARD_CONSOLE|MODE|DEFINES)__");

		private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\b__[A-Z][A-Z_]*__\\b");

		private static final String ENV_IMPORT = "import \"@vite/env\";";

		private ViteClient() {
		}

		static synchronized void install() {
			if (Files.isRegularFile(CLIENT_DIR.resolve("client.mjs"))
					&& Files.isRegularFile(CLIENT_DIR.resolve("env.mjs"))) {
				return;
			}
			String npm = npm();
			StringBuilder failures = new StringBuilder();
			for (String version : VITE_VERSIONS) {
				String output = run(npm, "install", "--prefix", VITE_DIR.toString(), "--no-save", "--no-audit",
						"--no-fund", "--no-package-lock", version);
				if (Files.isRegularFile(CLIENT_DIR.resolve("client.mjs"))) {
					return;
				}
				failures.append("\n--- npm install ").append(version).append(":\n").append(output);
			}
			fail("Could not install Vite's client with npm into " + VITE_DIR + failures);
		}

		static String version() {
			try {
				return JsonMapper.shared()
					.readTree(VITE_DIR.resolve("node_modules/vite/package.json").toFile())
					.get("version")
					.asString();
			}
			catch (RuntimeException ex) {
				return "unknown";
			}
		}

		private static String npm() {
			try {
				Process process = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start();
				process.getInputStream().readAllBytes();
				if (process.waitFor() == 0) {
					return "npm";
				}
			}
			catch (IOException ex) {
				// not on the path
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			fail("npm was not found on the PATH: ViteClientCompatibilityIntegrationTests installs Vite's browser "
					+ "client from npm (the 'vite' package) and needs Node.js with npm. Install Node.js 20.19+ or 22.12+.");
			return null;
		}

		private static String run(String... command) {
			try {
				Files.createDirectories(VITE_DIR);
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(5, TimeUnit.MINUTES)) {
					process.destroyForcibly();
				}
				return output;
			}
			catch (IOException ex) {
				return ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return ex.toString();
			}
		}

		/**
		 * The two files, filled in.
		 * @param settings our socket settings (token and path)
		 * @param serverHost the host and port the page was loaded from
		 * @return the sources by URL
		 */
		static Map<String, String> filled(HmrSocketSettings settings, String serverHost) {
			JsonMapper json = JsonMapper.shared();
			Map<String, String> values = new LinkedHashMap<>();
			values.put("BASE", json.writeValueAsString("/"));
			values.put("SERVER_HOST", json.writeValueAsString(serverHost + "/"));
			values.put("HMR_PROTOCOL", "null");
			values.put("HMR_HOSTNAME", "null");
			values.put("HMR_PORT", "null");
			values.put("HMR_DIRECT_TARGET", json.writeValueAsString(serverHost + settings.path()));
			values.put("HMR_BASE", json.writeValueAsString(settings.path()));
			values.put("HMR_TIMEOUT", json.writeValueAsString(settings.timeout().toMillis()));
			values.put("HMR_ENABLE_OVERLAY", "true");
			values.put("HMR_CONFIG_NAME", json.writeValueAsString("vite.config.js"));
			values.put("WS_TOKEN", json.writeValueAsString(settings.token().value()));
			values.put("SERVER_FORWARD_CONSOLE", json
				.writeValueAsString(Map.of("enabled", false, "unhandledErrors", false, "logLevels", List.of())));
			values.put("MODE", json.writeValueAsString("development"));
			values.put("DEFINES", "{}");
			String client = fill(read("client.mjs"), values);
			assertThat(client).as("Vite's client imports @vite/env").contains(ENV_IMPORT);
			client = client.replace(ENV_IMPORT, "import \"/@vite/env\";");
			String env = fill(read("env.mjs"), values);
			return Map.of("/@vite/client", client, "/@vite/env", env);
		}

		private static String fill(String source, Map<String, String> values) {
			Matcher matcher = PLACEHOLDER.matcher(source);
			StringBuilder filled = new StringBuilder(source.length());
			while (matcher.find()) {
				matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(matcher.group(1))));
			}
			matcher.appendTail(filled);
			Set<String> left = new TreeSet<>();
			Matcher any = ANY_PLACEHOLDER.matcher(filled);
			while (any.find()) {
				left.add(any.group());
			}
			// "/* @__PURE__ */" annotations are comments, not placeholders
			left.remove("__PURE__");
			assertThat(left).as("placeholders of Vite %s not filled", version()).isEmpty();
			return filled.toString();
		}

		private static String read(String name) {
			try {
				return Files.readString(CLIENT_DIR.resolve(name));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Vite's client is not installed in " + VITE_DIR, ex);
			}
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		/**
		 * Vite's client at {@code /@vite/client} and {@code /@vite/env}, in place of
		 * ours: same bean name, so the auto-configuration backs off.
		 */
		@Bean(name = "hmrClientHandlerMapping")
		SimpleUrlHandlerMapping viteClientHandlerMapping(HmrSocketSettings settings) {
			HttpRequestHandler handler = (request, response) -> {
				String host = request.getHeader(HttpHeaders.HOST);
				String source = ViteClient.filled(settings, host).get(request.getRequestURI());
				byte[] body = source.getBytes(StandardCharsets.UTF_8);
				response.setContentType("text/javascript;charset=UTF-8");
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
			};
			SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
					Map.of("/@vite/client", handler, "/@vite/env", handler));
			mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return mapping;
		}

		@Bean
		Object viteCompatListeners(ServerHotChannel channel) {
			channel.on("compat:from-browser",
					(data, client) -> fromBrowser.add((data != null) ? data : JsonMapper.shared().nullNode()));
			channel.on("vite:invalidate",
					(data, client) -> invalidations.add((data != null) ? data : JsonMapper.shared().nullNode()));
			return new Object();
		}

	}

}
