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

package dev.hmr.channel;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.testsupport.TestProject;

import static org.awaitility.Awaitility.await;

/**
 * A template saved while no tab is open: the channel keeps the {@code full-reload} for
 * the next browser, but the page opened afterwards already shows the change, so it must
 * load exactly once (issue #10).
 */
@ExtendWith(BrowserExtension.class)
@SpringBootTest(classes = BufferedFullReloadBrowserIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class BufferedFullReloadBrowserIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-buffered-reload")
		.with("static/app.js", "export {};\n")
		.with("templates/counted.html",
				"<!doctype html><html><head><title>c</title></head><body><p id=\"text\">before</p></body></html>");

	@LocalServerPort
	private int port;

	@Autowired
	private WebSocketServerHotChannel channel;

	@Autowired
	private CountingController controller;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@Test
	void aPageOpenedAfterATemplateWasSavedWithNoTabOpenLoadsOnce(Browser browser) throws Exception {
		Files.writeString(project.resolve("templates/counted.html"),
				"<!doctype html><html><head><title>c</title></head><body><p id=\"text\">after</p></body></html>");
		await().atMost(Duration.ofSeconds(10)).until(this.channel::hasBufferedPayload);
		browser.open("http://localhost:" + this.port + "/counted");
		browser.awaitText("#text", "after");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.channel.clients().size() == 1);
		browser.awaitConsole("[vite] connected.");
		// A replayed full-reload reloads the page about 50 ms after connected
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.controller.served.get() == 1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(CountingController.class)
	static class TestApplication {

	}

	@Controller
	static class CountingController {

		final AtomicInteger served = new AtomicInteger();

		@GetMapping("/counted")
		String counted() {
			this.served.incrementAndGet();
			return "counted";
		}

	}

}
