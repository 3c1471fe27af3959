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

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hmr.payload.CustomPayload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A browser whose socket stops taking data is disconnected once a send has taken
 * {@code hmr.send-time-limit}, even when nothing else is sent after it (Tomcat's blocking
 * send timeout would otherwise be 20 seconds).
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.send-time-limit=1s", "hmr.send-buffer-size-limit=100MB" })
class HotChannelSendTimeLimitIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Test
	void aBrowserWhoseSendTakesLongerThanTheLimitIsDisconnected() throws Exception {
		try (RawHandshake stalled = RawHandshake.send(this.port, "/@hmr", 1024,
				Map.of("Sec-WebSocket-Protocol", "vite-hmr"))) {
			assertThat(stalled.status()).isEqualTo(101);
			await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().size() == 1);
			String big = "x".repeat(64 * 1024);
			for (int i = 0; i < 200; i++) {
				this.channel.send(new CustomPayload("test:big", big));
			}
			await().atMost(Duration.ofSeconds(12)).until(() -> this.channel.clients().isEmpty());
		}
	}

}
