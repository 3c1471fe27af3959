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

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hmr.channel.HotChannelTestApplication;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.TestHotClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames a browser may send: large ones up to {@code hmr.max-message-size}, and larger
 * ones or binary ones ignored with a log line, the socket left open (where the container
 * used to close it with {@code 1009}).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.max-message-size=256KB" })
class FrameLimitsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Test
	void aMessageUpToTheLimitArrivesAndALargerOneIsIgnoredWithTheSocketOpen(CapturedOutput output) throws Exception {
		BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
		this.channel.on("test:frame", (data, client) -> received.add(data.asString().length()));
		try (TestHotClient browser = TestHotClient.connectedBrowser(this.port)) {
			browser.sendText(custom("x".repeat(250_000)));
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(250_000);
			browser.sendText(custom("y".repeat(300_000)));
			browser.sendText(custom("z".repeat(10)));
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(10);
			assertThat(browser.isOpen()).isTrue();
			assertThat(output.getAll()).contains("a message of more than 262144 characters (hmr.max-message-size)");
		}
	}

	@Test
	void binaryFramesOfAnySizeAreIgnoredWithTheSocketOpenAndLoggedOnce(CapturedOutput output) throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		this.channel.on("test:after-binary", (data, client) -> received.add("after"));
		try (TestHotClient browser = TestHotClient.connectedBrowser(this.port)) {
			for (int i = 0; i < 20; i++) {
				browser.sendBinary(new byte[100_000]);
			}
			browser.sendText("{\"type\":\"custom\",\"event\":\"test:after-binary\"}");
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("after");
			assertThat(browser.isOpen()).isTrue();
			String id = this.channel.clients().iterator().next().socket().id();
			assertThat(output.getAll().split("Ignored a frame from browser " + id + "[^\n]*a binary frame", -1))
				.hasSize(2);
		}
	}

	private static String custom(String data) {
		return "{\"type\":\"custom\",\"event\":\"test:frame\",\"data\":\"" + data + "\"}";
	}

}
