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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hmr.channel.HotChannelTestApplication;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ConnectedPayload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application shuts down: every browser sees {@code 1001 going away}, the close code
 * Vite's docs promise, rather than a connection broken off ({@code 1006}).
 */
class ShutdownIntegrationTests {

	@Test
	void closingTheContextClosesEverySocketWithGoingAway() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HotChannelTestApplication.class)
			.properties("hmr.enabled=true", "server.port=0", "server.address=127.0.0.1")
			.run();
		List<TestHotClient> browsers = new ArrayList<>();
		try {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			for (int i = 0; i < 5; i++) {
				TestHotClient browser = TestHotClient.to(URI.create("ws://127.0.0.1:" + port + "/@hmr")).connect();
				assertThat(browser.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
				browsers.add(browser);
			}
		}
		finally {
			context.close();
		}
		for (TestHotClient browser : browsers) {
			assertThat(browser.awaitClose(TestHotClient.TIMEOUT)).isEqualTo(1001);
			browser.close();
		}
	}

}
