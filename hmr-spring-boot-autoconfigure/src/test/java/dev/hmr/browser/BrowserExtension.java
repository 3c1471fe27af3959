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

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives tests a {@link Browser} parameter (in test methods, lifecycle methods or
 * constructors): one headless Chromium per test class, started on first use and quit
 * after the class. Before each test the browser shows {@code about:blank} with an empty
 * console; when a test fails, the console it saw is printed. <pre class="code">
 * &#64;ExtendWith(BrowserExtension.class)
 * class SomethingIntegrationTests {
 *
 * 	&#64;Test
 * 	void connects(Browser browser) {
 * 		browser.open(url);
 * 		browser.awaitConsole("[vite] connecting...", "[vite] connected.");
 * 	}
 *
 * }
 * </pre>
 */
public class BrowserExtension implements ParameterResolver, BeforeEachCallback, AfterAllCallback, TestWatcher {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return browser(extensionContext);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Browser browser = existing(context);
		if (browser != null) {
			browser.open("about:blank");
			browser.clearConsole();
		}
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		Browser browser = existing(context);
		if (browser != null) {
			System.out.println("Browser console of " + context.getDisplayName() + ":");
			browser.console().forEach((line) -> System.out.println("  " + line));
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Browser browser = classStore(context).remove(Browser.class, Browser.class);
		if (browser != null) {
			browser.close();
		}
	}

	private static Browser browser(ExtensionContext context) {
		return classStore(context).computeIfAbsent(Browser.class, (key) -> Browser.start(), Browser.class);
	}

	private static Browser existing(ExtensionContext context) {
		return classStore(context).get(Browser.class, Browser.class);
	}

	private static ExtensionContext.Store classStore(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext.getStore(NAMESPACE);
	}

}
