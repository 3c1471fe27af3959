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

package dev.hmr.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import dev.hmr.channel.HmrSocketSettings;
import dev.hmr.channel.HotChannelTestApplication;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ConnectedPayload;
import dev.hmr.testsupport.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of a dedicated HMR listener ({@code hmr.port}): it serves the HMR
 * socket and nothing else of the application.
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hmr.enabled=true")
class HmrDedicatedPortIntegrationTests {

	private static final int HMR_PORT = TestSocketUtils.findAvailableTcpPort();

	@LocalServerPort
	private int port;

	@Autowired
	private HmrSocketSettings settings;

	@DynamicPropertySource
	static void hmrPort(DynamicPropertyRegistry registry) {
		registry.add("hmr.port", () -> HMR_PORT);
	}

	@Test
	void theHmrSocketAnswersOnTheDedicatedPort() {
		try (TestHotClient client = TestHotClient.to(URI.create("ws://localhost:" + HMR_PORT + "/@hmr")).connect()) {
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
		}
	}

	@Test
	void browsersAreToldTheDedicatedPort() {
		assertThat(this.settings.browserPort()).isEqualTo(HMR_PORT);
		assertThat(this.settings.socketUri(false, "localhost", this.port))
			.isEqualTo(URI.create("ws://localhost:" + HMR_PORT + "/@hmr"));
	}

	@Test
	void theApplicationIsNotServedOnTheDedicatedPort() throws Exception {
		assertThat(TestHttp.get(this.port, "/app").statusCode()).isEqualTo(200);
		HttpResponse<String> response = TestHttp.get(HMR_PORT, "/app");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("app");
		assertThat(TestHttp.get(HMR_PORT, "/").statusCode()).isEqualTo(404);
	}

	@Test
	void plainHttpToTheSocketsPathIsAskedToUpgrade() throws Exception {
		HttpResponse<String> response = TestHttp.get(HMR_PORT, "/@hmr");
		assertThat(response.statusCode()).isEqualTo(426);
		assertThat(response.headers().firstValue("Upgrade")).hasValue("websocket");
	}

}
