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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hmr.channel.HotChannelTestApplication;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.CustomPayload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Malformed frames and floods are ignored: the socket stays open, a witness keeps getting
 * broadcasts, and heap and threads come back to where they were; connect/close churn
 * leaves no browser nor thread behind.
 */
@Tag("slow")
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "server.address=127.0.0.1" })
class FloodAndChurnIntegrationTests {

	static final int FLOOD = 10_000;

	static final int CHURN = 2_000;

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Test
	void malformedFramesAndAFloodAreIgnoredWithTheSocketOpenAndHeapAndThreadsBackAtBaseline() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		this.channel.on("test:after-flood", (data, client) -> received.add("after"));
		try (TestHotClient witness = TestHotClient.connectedBrowser(this.port);
				TestHotClient attacker = TestHotClient.connectedBrowser(this.port)) {
			roundTrip(witness, attacker, 0);
			long heapBefore = Figures.usedHeapAfterGc();
			int threadsBefore = Figures.liveThreads();
			String deep = "{\"type\":\"custom\",\"event\":\"test:deep\",\"data\":" + "[".repeat(30_000)
					+ "]".repeat(30_000) + "}";
			String[] junk = { "not json", "{", "{\"type\":", "[]", "{\"type\":\"custom\",\"event\":42}", deep,
					"{\"type\":\"custom\",\"event\":\"vite:invalidate\",\"data\":{\"path\":\"/nope.js\"}}",
					"{\"type\":\"custom\",\"event\":\"vite:client:connect\"}", "{\"type\":\"ping\"}" };
			for (int i = 0; i < FLOOD; i++) {
				attacker.sendText(junk[i % junk.length]);
			}
			attacker.sendText("{\"type\":\"custom\",\"event\":\"test:after-flood\"}");
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("after");
			roundTrip(witness, attacker, 1);
			assertThat(attacker.isOpen()).isTrue();
			await().atMost(TestHotClient.TIMEOUT)
				.until(() -> Figures.usedHeapAfterGc() < heapBefore + 16 * 1024 * 1024
						&& Figures.liveThreads() <= threadsBefore + 4);
			Figures.print(
					"malformed frames: %,d frames (bad JSON, 30,000-deep nesting, forged events) survived; "
							+ "heap %s -> %s, threads %d -> %d",
					FLOOD, Figures.megabytes(heapBefore), Figures.megabytes(Figures.usedHeapAfterGc()), threadsBefore,
					Figures.liveThreads());
		}
	}

	@Test
	void connectCloseChurnLeavesNoBrowserNorThreadBehind() {
		URI uri = URI.create("ws://127.0.0.1:" + this.port + "/@hmr");
		try (TestHotClient witness = TestHotClient.connectedBrowser(this.port)) {
			int threadsBefore = Figures.liveThreads();
			long start = System.nanoTime();
			for (int i = 0; i < CHURN; i++) {
				TestHotClient client = TestHotClient.to(uri).connect();
				assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
				client.close();
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().size() == 1);
			this.channel.send("test:after-churn", null);
			assertThat(witness.takePayload()).isEqualTo(new CustomPayload("test:after-churn", null));
			await().atMost(TestHotClient.TIMEOUT).until(() -> Figures.liveThreads() <= threadsBefore + 4);
			Figures.print("churn: %,d connect/close cycles in %.1f s (%,.0f/s), all closed, threads %d -> %d", CHURN,
					took.toMillis() / 1000.0, CHURN * 1000.0 / Math.max(1, took.toMillis()), threadsBefore,
					Figures.liveThreads());
		}
	}

	private void roundTrip(TestHotClient witness, TestHotClient attacker, int n) {
		this.channel.send("test:marker", n);
		assertThat(witness.takePayload()).isInstanceOfSatisfying(CustomPayload.class,
				(marker) -> assertThat(marker.data()).hasToString(String.valueOf(n)));
		assertThat(attacker.takePayload()).isInstanceOf(CustomPayload.class);
	}

}
