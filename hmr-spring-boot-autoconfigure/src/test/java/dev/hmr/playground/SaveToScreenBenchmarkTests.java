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

package dev.hmr.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;

/**
 * Save → screen in Chromium (playground {@code bench}): the time from writing a file to
 * the first animation frame that shows its effect, by the page's clock against the test's
 * clock (same machine). A measurement, not an assertion: excluded from the normal build
 * by its tag. Run it with <pre>
 * mvn -B -o -q -pl hmr-spring-boot-autoconfigure test -Dhmr.excluded-test-groups= \
 *     -Dtest=SaveToScreenBenchmarkTests
 * </pre>
 */
@Tag("benchmark")
class SaveToScreenBenchmarkTests extends PlaygroundBrowserIntegrationTests {

	private static final int WARM_UP = 3;

	private static final int EDITS = 20;

	@Test
	void saveToScreen(Browser browser) {
		open(browser, "/bench/index.html");
		browser.awaitText(".text", "text 0");
		browser.markWindow();

		List<Long> css = measure(browser, (i) -> "rgb(" + i + ", 0, 0)",
				(value) -> playground.write("bench/style.css", ".styled { color: " + value + "; }\n"));
		List<Long> js = measure(browser, (i) -> "text " + i, (value) -> playground.write("bench/text.js",
				"document.querySelector('.text').textContent = '" + value + "'\n\nimport.meta.hot.accept()\n"));

		if (browser.wasReloaded()) {
			throw new IllegalStateException("The page reloaded: the figures are not those of hot updates");
		}
		System.out.println("save-to-screen css (link swap): " + summary(css));
		System.out.println("save-to-screen js (self-accepting module): " + summary(js));
	}

	private List<Long> measure(Browser browser, IntFunction<String> value, Consumer<String> save) {
		List<Long> millis = new ArrayList<>();
		for (int i = 1; i <= WARM_UP + EDITS; i++) {
			String expected = value.apply(i);
			long written = System.currentTimeMillis();
			save.accept(expected);
			Number shown = browser.await()
				.alias(expected + " on screen")
				.until(() -> (Number) browser.script("return window.__seen[arguments[0]]", expected),
						(seen) -> seen != null);
			if (i > WARM_UP) {
				millis.add(shown.longValue() - written);
			}
		}
		return millis;
	}

	private static String summary(List<Long> millis) {
		List<Long> sorted = millis.stream().sorted().toList();
		double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2.0;
		long p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
		return "n=" + sorted.size() + " median=" + median + " ms p95=" + p95 + " ms min=" + sorted.get(0) + " ms max="
				+ sorted.get(sorted.size() - 1) + " ms all=" + millis;
	}

}
