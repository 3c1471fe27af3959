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

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;

/**
 * Base of the browser scenarios: the real application on a random port, whose watched and
 * served roots are one {@link Playground} copied once for all scenario classes (so they
 * share one Spring context), and a real headless Chromium per class. Scenario classes
 * annotated {@link UnderContextPath} run under a servlet context path, on a playground of
 * their own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.watch.roots=${test.playground.roots}" },
		classes = PlaygroundBrowserIntegrationTests.PlaygroundApplication.class)
@ExtendWith(BrowserExtension.class)
abstract class PlaygroundBrowserIntegrationTests {

	// created before any application context starts: see Playground
	static final Playground playground = Playground.copy();

	static final Playground contextPathPlayground = Playground.copy();

	@LocalServerPort
	int port;

	@Value("${server.servlet.context-path:}")
	String contextPath;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("test.playground.roots", playground::roots);
		registry.add("test.playground.context-path-roots", contextPathPlayground::roots);
	}

	/**
	 * The playground the application serves.
	 * @return {@link #playground}, or {@link #contextPathPlayground} under a context path
	 */
	Playground playground() {
		return this.contextPath.isEmpty() ? playground : contextPathPlayground;
	}

	/**
	 * Open a page of the playground and wait until its client is connected.
	 * @param browser the browser
	 * @param path such as {@code /self-accept/index.html}, without the context path
	 */
	void open(Browser browser, String path) {
		browser.open("http://localhost:" + this.port + this.contextPath + path);
		browser.awaitConsole("[vite] connected.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PlaygroundApplication {

	}

	/**
	 * Runs a scenario class with the application under
	 * {@code server.servlet.context-path=/app}, on {@link #contextPathPlayground}.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "hmr.enabled=true", "hmr.watch.roots=${test.playground.context-path-roots}",
					"server.servlet.context-path=/app" },
			classes = PlaygroundBrowserIntegrationTests.PlaygroundApplication.class)
	@interface UnderContextPath {

	}

}
