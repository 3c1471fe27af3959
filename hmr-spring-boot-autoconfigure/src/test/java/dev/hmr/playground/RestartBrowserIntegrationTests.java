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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vite's "client reload after restart" (playground {@code restart}): when the server goes
 * away the client polls with {@code vite-ping} and reloads the page once it is back.
 */
@ExtendWith(BrowserExtension.class)
class RestartBrowserIntegrationTests {

	private final Playground playground = Playground.copy();

	private @Nullable ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.playground.delete();
	}

	@Test
	void thePageReloadsOnceWhenTheServerIsBackOnItsPort(Browser browser) {
		int port = freePort();
		this.context = start(port);
		browser.open("http://localhost:" + port + "/restart/index.html");
		browser.awaitConsole("(restart) page load 1", "[vite] connected.");
		browser.script("document.querySelector('.input').value = 'hello'");
		browser.markWindow();

		this.context.close();
		browser.awaitConsole("[vite] server connection lost. Polling for restart...");
		this.context = start(port);

		browser.awaitReload();
		browser.awaitConsole("[vite] server connection lost. Polling for restart...", "[vite] connecting...",
				"(restart) page load 2", "[vite] connected.");
		assertThat(browser.script("return document.querySelector('.input').value")).isEqualTo("");
		assertThat(browser.console()).filteredOn((line) -> line.startsWith("(restart) page load"))
			.containsExactly("(restart) page load 1", "(restart) page load 2");
		assertThat(browser.console()).filteredOn("[vite] connected."::equals).hasSize(2);
	}

	/**
	 * DevTools restarting in the middle of a build (issue #10): the first restart serves
	 * without the page, so the page reloads onto the 404 error page, which loads the
	 * client; the restart at the end of the build brings the page back. The page itself
	 * loads exactly twice, and nothing strands it on the error.
	 */
	@Test
	void aRestartMidBuildReloadsOntoTheErrorPageAndTheNextRestartBackOntoThePage(Browser browser) throws IOException {
		int port = freePort();
		this.context = start(port);
		browser.open("http://localhost:" + port + "/restart/index.html");
		browser.awaitConsole("(restart) page load 1", "[vite] connected.");
		Path page = this.playground.file("restart/index.html");
		String html = Files.readString(page);

		this.context.close();
		Files.delete(page);
		this.context = start(port);
		browser.awaitText("h1", "Whitelabel Error Page");
		browser.await().until(() -> browser.console().stream().filter("[vite] connected."::equals).count() == 2);

		this.context.close();
		Files.writeString(page, html);
		this.context = start(port);

		browser.awaitConsole("(restart) page load 1", "[vite] connected.", "[vite] connected.", "(restart) page load 2",
				"[vite] connected.");
		assertThat(browser.console()).filteredOn((line) -> line.startsWith("(restart) page load"))
			.containsExactly("(restart) page load 1", "(restart) page load 2");
		assertThat(browser.console()).filteredOn("[vite] connected."::equals).hasSize(3);
	}

	private ConfigurableApplicationContext start(int port) {
		return new SpringApplicationBuilder(PlaygroundBrowserIntegrationTests.PlaygroundApplication.class)
			.properties("server.port=" + port, "hmr.enabled=true", "hmr.watch.roots=" + this.playground.roots())
			.run();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
