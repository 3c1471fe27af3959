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

package dev.hmr.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium for browser tests, driven through the system's chromedriver:
 * open pages, run scripts, read the console in order (across reloads), wait for text or
 * computed styles, and tell whether the page reloaded. Nothing is downloaded: the browser
 * is {@code /usr/bin/chromium} and the driver {@code /usr/bin/chromedriver} (Debian's
 * {@code chromium} and {@code chromium-driver}), or the paths in the environment
 * variables {@code CHROMIUM} and {@code CHROMEDRIVER}. Since both paths are given,
 * Selenium Manager is never consulted.
 * <p>
 * Use it through {@link BrowserExtension}, which starts one per test class.
 */
public final class Browser implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String MARK = "__hmrTestMark";

	// chromedriver writes a console call as "<script URL> <line>:<column> <arguments>",
	// strings among the arguments as JSON string literals
	private static final Pattern CONSOLE_CALL = Pattern.compile("(?s)^\\S+ \\d+:\\d+ (.*)$");

	private final Path profile;

	private final ChromeDriver driver;

	private final List<String> console = new CopyOnWriteArrayList<>();

	private Browser(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Start a headless Chromium with a fresh profile.
	 * @return the browser
	 */
	public static Browser start() {
		return start(new String[0]);
	}

	/**
	 * Start a headless Chromium with a fresh profile and more command-line arguments.
	 * @param arguments such as {@code --ignore-certificate-errors}
	 * @return the browser
	 */
	public static Browser start(String... arguments) {
		File chromium = executable("CHROMIUM", "/usr/bin/chromium");
		File chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
		Path profile;
		try {
			profile = Files.createTempDirectory("hmr-chromium-");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not create a Chromium profile directory", ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// without these Chromium's background connections (updates, sync, QUIC probes)
		// fail
		// here and slow down or break page loads
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile);
		options.addArguments(arguments);
		// The console is read from chromedriver's log, which keeps the order of the calls
		// and
		// survives reloads. (Selenium's DevTools listeners may deliver events out of
		// order.)
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		try {
			return new Browser(profile, new ChromeDriver(service, options));
		}
		catch (RuntimeException ex) {
			service.stop();
			FileSystemUtils.deleteRecursively(profile.toFile());
			throw ex;
		}
	}

	private static File executable(String variable, String fallback) {
		String configured = System.getenv(variable);
		File file = new File((configured != null && !configured.isBlank()) ? configured : fallback);
		assertThat(file)
			.as("%s (set %s to use another; Debian: apt-get install chromium chromium-driver)", file, variable)
			.canRead();
		return file;
	}

	/**
	 * Open a URL and wait for its {@code load} event. The console log is kept.
	 * @param url the URL
	 */
	public void open(String url) {
		this.driver.get(url);
	}

	/**
	 * Run a script in the page ({@code executeScript}): {@code arguments[i]} are the
	 * arguments; {@code return} gives the result.
	 * @param script the function body
	 * @param arguments the arguments
	 * @return what the script returned, converted by WebDriver
	 */
	public @Nullable Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Run an asynchronous expression in the page and wait for it: {@code expression} may
	 * {@code await} (for example {@code import('/@vite/client')}); its value is returned.
	 * @param expression an expression, evaluated in an async function
	 * @return its value, converted by WebDriver
	 */
	public @Nullable Object evaluate(String expression) {
		return ((JavascriptExecutor) this.driver).executeAsyncScript("const done = arguments[arguments.length - 1];\n"
				+ "(async () => (" + expression + "))().then(done, (e) => done('[rejected] ' + (e && e.stack || e)));");
	}

	/**
	 * What the page wrote to the console, one line per call (arguments joined with a
	 * space, as Playwright's {@code msg.text()} does), in order, across reloads, since
	 * the start or the last {@link #clearConsole()}. Uncaught errors appear as
	 * {@code Uncaught …}, failed requests as {@code <url> - Failed to load resource: …}.
	 * @return a snapshot of the lines
	 */
	public List<String> console() {
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			this.console.add(consoleLine(entry.getMessage()));
		}
		return Collections.unmodifiableList(new ArrayList<>(this.console));
	}

	/**
	 * Forget the console lines so far.
	 */
	public void clearConsole() {
		console();
		this.console.clear();
	}

	/**
	 * Wait until the console holds the given lines in this order (other lines may come in
	 * between).
	 * @param lines the lines
	 */
	public void awaitConsole(String... lines) {
		await().alias("console lines " + Arrays.toString(lines)).until(() -> containsInOrder(console(), lines));
	}

	/**
	 * Wait until the console holds exactly the given lines since it was cleared, and
	 * check that no other line follows within a short while.
	 * @param lines the lines
	 */
	public void awaitExactConsole(String... lines) {
		List<String> expected = List.of(lines);
		await().alias("console to be " + expected).until(() -> console().size() >= expected.size());
		assertThat(console()).containsExactlyElementsOf(expected);
	}

	/**
	 * The text content of the first element matching a selector.
	 * @param selector a CSS selector
	 * @return its text, or {@code null} if none matches
	 */
	public @Nullable String text(String selector) {
		return (String) script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
				selector);
	}

	/**
	 * Wait for the text content of the first element matching a selector.
	 * @param selector a CSS selector
	 * @param expected the text
	 */
	public void awaitText(String selector, String expected) {
		await().alias("text of " + selector + " to be '" + expected + "'").until(() -> expected.equals(text(selector)));
	}

	/**
	 * A computed style property of the first element matching a selector.
	 * @param selector a CSS selector
	 * @param property the CSS property, such as {@code color}
	 * @return its computed value, or {@code null} if no element matches
	 */
	public @Nullable String computedStyle(String selector, String property) {
		return (String) script("""
				const e = document.querySelector(arguments[0]);
				return e ? getComputedStyle(e).getPropertyValue(arguments[1]) : null;
				""", selector, property);
	}

	/**
	 * Wait for a computed style property, such as {@code rgb(255, 0, 0)} for a color.
	 * @param selector a CSS selector
	 * @param property the CSS property
	 * @param expected its computed value
	 */
	public void awaitComputedStyle(String selector, String property, String expected) {
		await().alias(property + " of " + selector + " to be " + expected)
			.until(() -> expected.equals(computedStyle(selector, property)));
	}

	/**
	 * Mark the current {@code window}, so that {@link #wasReloaded()} tells whether the
	 * page has been loaded again since.
	 */
	public void markWindow() {
		script("window[arguments[0]] = true;", MARK);
	}

	/**
	 * Whether the page marked with {@link #markWindow()} has been replaced by a new load.
	 * @return {@code true} after a reload or navigation
	 */
	public boolean wasReloaded() {
		return !Boolean.TRUE.equals(script("return window[arguments[0]] === true;", MARK));
	}

	/**
	 * Wait until the page marked with {@link #markWindow()} has been reloaded and the new
	 * page has loaded.
	 */
	public void awaitReload() {
		await().alias("a page reload")
			.until(() -> wasReloaded() && "complete".equals(script("return document.readyState;")));
	}

	/**
	 * An Awaitility condition with this browser's timeout and poll interval.
	 * @return the condition factory
	 */
	public ConditionFactory await() {
		return Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(25)).ignoreExceptions();
	}

	/**
	 * The underlying driver, for anything this class does not cover.
	 * @return the driver
	 */
	public ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

	static String consoleLine(String message) {
		Matcher call = CONSOLE_CALL.matcher(message);
		if (!call.matches()) {
			return message;
		}
		String arguments = call.group(1);
		StringBuilder line = new StringBuilder();
		int i = 0;
		while (i < arguments.length()) {
			if (arguments.charAt(i) == '"') {
				int end = i + 1;
				while (end < arguments.length() && arguments.charAt(end) != '"') {
					end += (arguments.charAt(end) == '\\') ? 2 : 1;
				}
				line.append(JsonMapper.shared().readValue(arguments.substring(i, end + 1), String.class));
				i = end + 1;
			}
			else {
				int end = arguments.indexOf(' ', i);
				end = (end < 0) ? arguments.length() : end;
				line.append(arguments, i, end);
				i = end;
			}
			if (i < arguments.length() && arguments.charAt(i) == ' ') {
				line.append(' ');
				i++;
			}
		}
		return line.toString();
	}

	static boolean containsInOrder(List<String> actual, String... expected) {
		int next = 0;
		for (String line : actual) {
			if (next < expected.length && line.equals(expected[next])) {
				next++;
			}
		}
		return next == expected.length;
	}

}
