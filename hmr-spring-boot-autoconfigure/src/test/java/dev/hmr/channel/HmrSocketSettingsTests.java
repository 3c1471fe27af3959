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

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrSocketSettings}: the URL a browser opens follows Vite's client's
 * rules (VITE-HMR-REFERENCE §2.1).
 */
class HmrSocketSettingsTests {

	private static final HmrToken TOKEN = HmrToken.of("abcdefghijkl");

	@Test
	void withNothingSetTheBrowserUsesThePagesHostAndPort() {
		HmrSocketSettings settings = settings(null, null, null, null);
		assertThat(settings.browserPort()).isNull();
		assertThat(settings.socketUri(false, "localhost", 8080)).isEqualTo(URI.create("ws://localhost:8080/@hmr"));
		assertThat(settings.socketUri(true, "app.test", 8443)).isEqualTo(URI.create("wss://app.test:8443/@hmr"));
	}

	@Test
	void aDedicatedPortIsTheBrowsersPort() {
		assertThat(settings(null, null, 24678, null).socketUri(false, "localhost", 8080))
			.isEqualTo(URI.create("ws://localhost:24678/@hmr"));
	}

	@Test
	void theClientPortWinsOverThePort() {
		HmrSocketSettings settings = settings(null, null, 24678, 443);
		assertThat(settings.browserPort()).isEqualTo(443);
		assertThat(settings.socketUri(false, "localhost", 8080)).isEqualTo(URI.create("ws://localhost:443/@hmr"));
	}

	@Test
	void aConfiguredProtocolAndHostWin() {
		assertThat(settings("wss", "dev.example.test", null, null).socketUri(false, "localhost", 8080))
			.isEqualTo(URI.create("wss://dev.example.test:8080/@hmr"));
	}

	@Test
	void anIpv6PageHostIsBracketed() {
		assertThat(settings(null, null, null, null).socketUri(false, "::1", 8080))
			.isEqualTo(URI.create("ws://[::1]:8080/@hmr"));
	}

	private static HmrSocketSettings settings(String protocol, String host, Integer port, Integer clientPort) {
		return new HmrSocketSettings(TOKEN, "", "/@hmr", protocol, host, port, clientPort, Duration.ofSeconds(30));
	}

}
