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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vite's own client across a restart of our server: when the application stops, the
 * client polls with {@code vite-ping} and reloads the page once the application is back
 * on the same port, then connects with the new token. Uses the application and Vite's
 * client of {@link ViteClientCompatibilityIntegrationTests}.
 */
@ExtendWith(BrowserExtension.class)
class ViteClientRestartIntegrationTests {

	private ConfigurableApplicationContext application;

	@BeforeAll
	static void installVite() {
		ViteClientCompatibilityIntegrationTests.ViteClient.install();
	}

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
	}

	@Test
	void theClientPollsWhileTheServerIsDownAndReloadsOnceWhenItIsBack(Browser browser) throws IOException {
		Path root = Files.createTempDirectory("hmr-vite-restart").toRealPath();
		Files.writeString(root.resolve("index.html"),
				"<!doctype html><html><head><title>restart</title></head><body><p class=\"app\">up</p></body></html>");
		int port = freePort();
		this.application = start(root, port);
		browser.open("http://localhost:" + port + "/index.html");
		browser.awaitConsole("[vite] connecting...", "[vite] connected.");
		browser.markWindow();

		this.application.close();
		browser.awaitConsole("[vite] server connection lost. Polling for restart...");
		this.application = start(root, port);

		browser.awaitReload();
		browser.awaitText(".app", "up");
		browser.awaitConsole("[vite] server connection lost. Polling for restart...", "[vite] connecting...",
				"[vite] connected.");
		assertThat(browser.console()).filteredOn("[vite] connected."::equals).hasSize(2);
	}

	private static ConfigurableApplicationContext start(Path root, int port) {
		return new SpringApplicationBuilder(ViteClientCompatibilityIntegrationTests.TestApplication.class)
			.properties("server.port=" + port, "hmr.enabled=true", "hmr.watch.roots=" + root,
					"spring.main.banner-mode=off")
			.run();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
