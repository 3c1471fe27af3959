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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.hmr.payload.ConnectedPayload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the channel, as the application does when it shuts down: every browser is
 * disconnected (and then polls with {@code vite-ping} until a server answers).
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.timeout=31s" })
@DirtiesContext
class HotChannelCloseIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Test
	void closeDisconnectsEveryBrowserAndRefusesNewSocketsEvenPings() throws Exception {
		URI uri = URI.create("ws://localhost:" + this.port + "/@hmr");
		CountDownLatch disconnects = new CountDownLatch(2);
		this.channel.on(ServerHotChannel.DISCONNECT, (data, client) -> disconnects.countDown());
		try (TestHotClient first = TestHotClient.to(uri).connect();
				TestHotClient second = TestHotClient.to(uri).connect()) {
			assertThat(first.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			assertThat(second.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			this.channel.close();
			assertThat(first.awaitClose(TestHotClient.TIMEOUT)).isEqualTo(1001);
			assertThat(second.awaitClose(TestHotClient.TIMEOUT)).isEqualTo(1001);
			assertThat(disconnects.await(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(this.channel.clients()).isEmpty();
		}
		assertThat(TestHotClient.to(uri).connectExpectingRefusal()).isEqualTo(503);
		assertThat(TestHotClient.to(uri).subprotocols("vite-ping").connectExpectingRefusal()).isEqualTo(503);
	}

}
