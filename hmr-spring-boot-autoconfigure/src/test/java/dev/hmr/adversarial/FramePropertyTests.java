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
import java.util.concurrent.ThreadLocalRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

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
 * what the server sends.
 */
@Tag("slow")
class FramePropertyTests {

	private static ConfigurableApplicationContext context;

	private static ServerHotChannel channel;

	private static TestHotClient browser;

	private static int marker;

	@BeforeContainer
	static void start() {
		context = new SpringApplicationBuilder(HotChannelTestApplication.class)
			.properties("hmr.enabled=true", "server.port=0", "server.address=127.0.0.1", "hmr.max-message-size=64KB")
			.run();
		channel = context.getBean(ServerHotChannel.class);
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		browser = TestHotClient.to(URI.create("ws://127.0.0.1:" + port + "/@hmr")).connect();
		assertThat(browser.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
	}

	@AfterContainer
	static void stop() {
		browser.close();
		context.close();
	}

	@Property(tries = 1_000)
	void anyFrameLeavesTheSocketOpen(@ForAll("frames") Object frame) {
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
		assertThat(((CustomPayload) payload).data()).hasToString(String.valueOf(expected));
		assertThat(browser.isOpen()).isTrue();
	}

	@Provide
	Arbitrary<Object> frames() {
		Arbitrary<String> json = Arbitraries
			.of("{", "}", "[", "]", "\"", ":", ",", "\"type\"", "\"custom\"", "\"event\"", "\"data\"", "\"ping\"",
					"\"vite:invalidate\"", "\"vite:client:connect\"", "\"path\"", "\"/a.js\"", "null", "true", "1e999",
					"-0", "\"\\u0000\"", "\"\\ud800\"", "\u001b[31m", "\n", " ")
			.list()
			.ofMaxSize(80)
			.map((tokens) -> String.join("", tokens));
		Arbitrary<String> viteShaped = Arbitraries.strings()
			.ofMaxLength(200)
			.map((value) -> "{\"type\":\"custom\",\"event\":\"vite:invalidate\",\"data\":{\"path\":" + quote(value)
					+ ",\"message\":" + quote(value) + "}}");
		Arbitrary<String> nested = Arbitraries.integers()
			.between(1, 30_000)
			.map((depth) -> "{\"type\":\"custom\",\"event\":\"test:deep\",\"data\":" + "[".repeat(depth)
					+ "]".repeat(depth) + "}");
		Arbitrary<String> oversize = Arbitraries.integers().between(60_000, 200_000).map("x"::repeat);
		Arbitrary<byte[]> binary = Arbitraries.integers().between(0, 20_000).map(FramePropertyTests::randomBytes);
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(2_000), json, viteShaped, nested, oversize,
				binary.map((bytes) -> bytes),
				Arbitraries.strings()
					.ofMaxLength(500)
					.map((text) -> new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
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
