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

import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.CustomPayload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A browser that stops reading must not delay the others. The send time limit is far
 * longer than each payload may take to arrive, so a broadcast that waited for the stalled
 * browser's write would fail the test; the stalled browser is cut off by the buffer limit
 * instead.
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.send-time-limit=2m", "hmr.send-buffer-size-limit=256KB" })
class HotChannelSlowBrowserIntegrationTests {

	private static final int MAX_PAYLOADS = 4000;

	private static final int PAYLOAD_SIZE = 64 * 1024;

	private static final Duration PROMPTLY = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Test
	void aBrowserThatNeverReadsDoesNotDelayTheOthersAndIsDisconnected() throws Exception {
		URI uri = URI.create("ws://localhost:" + this.port + "/@hmr");
		try (TestHotClient first = TestHotClient.to(uri).connect();
				TestHotClient second = TestHotClient.to(uri).connect();
				RawHandshake stalled = RawHandshake.send(this.port, "/@hmr", 1024,
						Map.of("Sec-WebSocket-Protocol", "vite-hmr"))) {
			assertThat(stalled.status()).isEqualTo(101);
			assertThat(first.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			assertThat(second.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().size() == 3);
			String big = "x".repeat(PAYLOAD_SIZE);
			// In step with the readers, as HMR payloads come: a reader's backlog stays at
			// one payload while the stalled browser's grows (socket buffers first, then
			// the
			// decorator's) until its limit; the bound only keeps a broken test finite
			int sent = 0;
			while (this.channel.clients().size() > 2 && sent < MAX_PAYLOADS) {
				CustomPayload payload = new CustomPayload("test:big", Map.of("n", sent++, "text", big));
				CompletableFuture.runAsync(() -> this.channel.send(payload))
					.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
				for (TestHotClient client : List.of(first, second)) {
					assertThat(client.takePayload(PROMPTLY)).isEqualTo(payload);
				}
			}
			assertThat(this.channel.clients()).as("the stalled browser is disconnected").hasSize(2);
			assertThat(((WebSocketServerHotChannel) this.channel).activity().slowClientsCutOff())
				.as("counted as cut off for being slow")
				.isEqualTo(1);
			assertThat(first.isOpen()).isTrue();
			assertThat(second.isOpen()).isTrue();
			// and its connection is hung up on, not kept with what waits for it: what it
			// has not read ends (a read timeout would throw instead)
			stalled.input().transferTo(OutputStream.nullOutputStream());
		}
	}

}
