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
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hmr.channel.HotChannelTestApplication;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.CustomPayload;
import dev.hmr.payload.HotPayload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever frames a browser sends (text of any shape, JSON nested 30,000 deep, Vite
 * messages with odd fields, binary), the socket stays open and the browser keeps getting
 * what the server sends. The frames are seeded random inputs: pass
 * {@code -Dhmr.adversarial.seed=N} to replay the seed a failure names.
 */
@Tag("slow")
class FramePropertyTests {

	private static final long SEED = Long.parseLong(System.getProperty("hmr.adversarial.seed", "20260101"));

	private static final String[] JSON_TOKENS = { "{", "}", "[", "]", "\"", ":", ",", "\"type\"", "\"custom\"",
			"\"event\"", "\"data\"", "\"ping\"", "\"vite:invalidate\"", "\"vite:client:connect\"", "\"path\"",
			"\"/a.js\"", "null", "true", "1e999", "-0", "\"\\u0000\"", "\"\\ud800\"", "\u001b[31m", "\n", " " };

	private static ConfigurableApplicationContext context;

	private static ServerHotChannel channel;

	private static TestHotClient browser;

	private static int marker;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(HotChannelTestApplication.class)
			.properties("hmr.enabled=true", "server.port=0", "server.address=127.0.0.1", "hmr.max-message-size=64KB")
			.run();
		channel = context.getBean(ServerHotChannel.class);
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		browser = TestHotClient.to(URI.create("ws://127.0.0.1:" + port + "/@hmr")).connect();
		assertThat(browser.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
	}

	@AfterAll
	static void stop() {
		browser.close();
		context.close();
	}

	@Test
	void anyFrameLeavesTheSocketOpen() {
		SplittableRandom random = new SplittableRandom(SEED);
		for (int tries = 0; tries < 1_000; tries++) {
			Object frame = frame(random);
			String description = "seed " + SEED + " (-Dhmr.adversarial.seed=" + SEED + "), case " + tries + ": "
					+ describe(frame);
			if (frame instanceof byte[] bytes) {
				browser.sendBinary(bytes);
			}
			else {
				browser.sendText((String) frame);
			}
			int expected = ++marker;
			channel.send("test:marker", expected);
			HotPayload payload;
			do {
				payload = browser.takePayload();
			}
			while (!(payload instanceof CustomPayload custom && custom.event().equals("test:marker")));
			assertThat(((CustomPayload) payload).data()).as(description).hasToString(String.valueOf(expected));
			assertThat(browser.isOpen()).as(description).isTrue();
		}
	}

	/**
	 * One of: random text, JSON tokens, a forged Vite message, JSON nested up to 30,000
	 * deep, an oversize text, random binary, UTF-8 read as Latin-1.
	 */
	private static Object frame(SplittableRandom random) {
		return switch (random.nextInt(7)) {
			case 0 -> randomText(random, 2_000);
			case 1 -> jsonTokens(random);
			case 2 -> viteShaped(random);
			case 3 -> nested(random);
			case 4 -> "x".repeat(random.nextInt(60_000, 200_001));
			case 5 -> randomBytes(random, random.nextInt(20_001));
			default ->
				new String(randomText(random, 500).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		};
	}

	private static String jsonTokens(SplittableRandom random) {
		StringBuilder text = new StringBuilder();
		int count = random.nextInt(81);
		for (int i = 0; i < count; i++) {
			text.append(JSON_TOKENS[random.nextInt(JSON_TOKENS.length)]);
		}
		return text.toString();
	}

	private static String viteShaped(SplittableRandom random) {
		String value = randomText(random, 200);
		return "{\"type\":\"custom\",\"event\":\"vite:invalidate\",\"data\":{\"path\":" + quote(value) + ",\"message\":"
				+ quote(value) + "}}";
	}

	private static String nested(SplittableRandom random) {
		int depth = random.nextInt(1, 30_001);
		return "{\"type\":\"custom\",\"event\":\"test:deep\",\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
	}

	private static byte[] randomBytes(SplittableRandom random, int size) {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		return bytes;
	}

	/** Up to {@code maxLength} chars: ASCII, control chars, the BMP and beyond. */
	private static String randomText(SplittableRandom random, int maxLength) {
		int length = random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			int kind = random.nextInt(20);
			int codePoint;
			if (kind < 10) {
				codePoint = random.nextInt(0x20, 0x7F);
			}
			else if (kind < 13) {
				codePoint = random.nextInt(0x20);
			}
			else if (kind < 18) {
				do {
					codePoint = random.nextInt(0x80, 0x10000);
				}
				while (Character.isSurrogate((char) codePoint));
			}
			else {
				codePoint = random.nextInt(0x10000, Character.MAX_CODE_POINT + 1);
			}
			if (Character.charCount(codePoint) > length - text.length()) {
				codePoint = 'x';
			}
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	private static String describe(Object frame) {
		if (frame instanceof byte[] bytes) {
			return bytes.length + " binary bytes";
		}
		String text = (String) frame;
		return (text.length() > 120) ? text.substring(0, 120) + "... (" + text.length() + " chars)" : text;
	}

	private static String quote(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		value.codePoints().forEach((codePoint) -> {
			if (codePoint == '"' || codePoint == '\\' || codePoint < 0x20) {
				quoted.append(String.format("\\u%04x", codePoint));
			}
			else {
				quoted.appendCodePoint(codePoint);
			}
		});
		return quoted.append('"').toString();
	}

}
