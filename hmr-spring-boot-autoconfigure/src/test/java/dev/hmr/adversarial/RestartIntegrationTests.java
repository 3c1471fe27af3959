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

package dev.hmr.adversarial;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hmr.channel.HotChannelTestApplication;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ConnectedPayload;
import dev.hmr.testsupport.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart under 200 browsers, as a browser's client lives through it: the socket closes
 * with {@code 1001}, {@code vite-ping} polls until the new server answers, the page
 * reloads (a fresh client script with the new token) and connects; the old token is
 * refused.
 */
class RestartIntegrationTests {

	static final int BROWSERS = 200;

	private static final Pattern TOKEN = Pattern.compile("const wsToken = \"([^\"]+)\"");

	@Test
	void browsersComeBackAfterARestartAndTheOldTokenIsRefused() throws Exception {
		ConfigurableApplicationContext first = start(0);
		int port = first.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		String origin = "http://localhost:" + port;
		String oldToken = token(port);
		List<TestHotClient> browsers = new ArrayList<>();
		ConfigurableApplicationContext second = null;
		ExecutorService pollers = Executors.newFixedThreadPool(16);
		try {
			for (int i = 0; i < BROWSERS; i++) {
				TestHotClient browser = socket(port, oldToken).origin(origin).connect();
				assertThat(browser.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
				browsers.add(browser);
			}
			long stopped = System.nanoTime();
			first.close();
			for (TestHotClient browser : browsers) {
				assertThat(browser.awaitClose(TestHotClient.TIMEOUT)).isEqualTo(1001);
			}
			List<CompletableFuture<TestHotClient>> back = browsers.stream()
				.map((browser) -> CompletableFuture.supplyAsync(() -> comeBack(port, origin), pollers))
				.toList();
			second = start(port);
			List<TestHotClient> reconnected = back.stream().map(CompletableFuture::join).toList();
			long millis = (System.nanoTime() - stopped) / 1_000_000;
			assertThat(reconnected).hasSize(BROWSERS).allSatisfy((browser) -> assertThat(browser.isOpen()).isTrue());
			assertThat(socket(port, oldToken).origin(origin).connectExpectingRefusal()).isEqualTo(400);
			Figures.print("restart: %d browsers closed with 1001 and all back on the new server %,d ms after the "
					+ "old one began to stop; the old token refused (400)", BROWSERS, millis);
			reconnected.forEach(TestHotClient::close);
		}
		finally {
			pollers.shutdownNow();
			browsers.forEach(TestHotClient::close);
			first.close();
			if (second != null) {
				second.close();
			}
		}
	}

	/**
	 * What Vite's client does once its socket closed: ping until a server answers,
	 * reload, connect.
	 */
	private static TestHotClient comeBack(int port, String origin) {
		await().atMost(TestHotClient.TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
			try {
				TestHotClient ping = TestHotClient.to(URI.create("ws://localhost:" + port + "/@hmr"))
					.subprotocols("vite-ping")
					.connect();
				ping.close();
				return true;
			}
			catch (AssertionError ex) {
				return false;
			}
		});
		try {
			TestHotClient browser = socket(port, token(port)).origin(origin).connect();
			assertThat(browser.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			return browser;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static TestHotClient.Builder socket(int port, String token) {
		return TestHotClient.to(URI.create("ws://localhost:" + port + "/@hmr?token=" + token));
	}

	private static String token(int port) throws Exception {
		Matcher matcher = TOKEN.matcher(TestHttp.get(port, "/@vite/client").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static ConfigurableApplicationContext start(int port) {
		return new SpringApplicationBuilder(HotChannelTestApplication.class)
			.properties("hmr.enabled=true", "server.port=" + port, "hmr.warm-up=false")
			.run();
	}

}
