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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hmr.payload.ConnectedPayload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of the HMR socket's handshake checks against a real server, in the
 * cases Vite's capture shows (VITE-HMR-REFERENCE §2.2); again under a context path in
 * {@link HotChannelHandshakeUnderContextPathIntegrationTests}.
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.allowed-hosts=.example.test" })
@ExtendWith(OutputCaptureExtension.class)
class HotChannelHandshakeIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private HmrToken token;

	@Value("${server.servlet.context-path:}")
	private String contextPath;

	@Test
	void aBrowserWithoutTokenIsRefusedWithBadRequest(CapturedOutput output) {
		assertThat(TestHotClient.to(hmrUri("")).origin("http://localhost:" + this.port).connectExpectingRefusal())
			.isEqualTo(400);
		assertThat(output).contains("Refused an HMR WebSocket").contains("without token");
	}

	@Test
	void aBrowserWithAWrongTokenIsRefusedWithBadRequest(CapturedOutput output) {
		assertThat(TestHotClient.to(hmrUri("?token=AAAAAAAAAAAA"))
			.origin("http://localhost:" + this.port)
			.connectExpectingRefusal()).isEqualTo(400);
		assertThat(output).contains("wrong token").doesNotContain(this.token.value());
	}

	@Test
	void aBrowserWithTheTokenIsAccepted() {
		try (TestHotClient client = TestHotClient.to(hmrUri("?token=" + this.token.value()))
			.origin("http://localhost:" + this.port)
			.connect()) {
			assertThat(client.subprotocol()).isEqualTo("vite-hmr");
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
		}
	}

	@Test
	void aBrowserOfAnotherOriginWithTheTokenIsAcceptedAsInVite() {
		try (TestHotClient client = TestHotClient.to(hmrUri("?token=" + this.token.value()))
			.origin("http://elsewhere.example.com")
			.connect()) {
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
		}
	}

	@Test
	void aToolWithoutOriginNeedsNoToken() {
		try (TestHotClient client = TestHotClient.to(hmrUri("")).connect()) {
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
		}
	}

	@Test
	void aForeignHostIsRefusedWithBadRequest() throws IOException {
		try (RawHandshake handshake = RawHandshake.send(this.port, this.contextPath + "/@hmr",
				Map.of("Host", "evil.example.com", "Sec-WebSocket-Protocol", "vite-hmr"))) {
			assertThat(handshake.status()).isEqualTo(400);
		}
	}

	@Test
	void anAllowedHostIsAccepted() throws IOException {
		try (RawHandshake handshake = RawHandshake.send(this.port, this.contextPath + "/@hmr",
				Map.of("Host", "app.example.test:" + this.port, "Sec-WebSocket-Protocol", "vite-hmr"))) {
			assertThat(handshake.status()).isEqualTo(101);
			assertThat(handshake.header("Sec-WebSocket-Protocol")).isEqualTo("vite-hmr");
		}
	}

	@Test
	void anIpv6LiteralHostIsAccepted() throws IOException {
		try (RawHandshake handshake = RawHandshake.send(this.port, this.contextPath + "/@hmr",
				Map.of("Host", "[::1]:" + this.port, "Sec-WebSocket-Protocol", "vite-hmr"))) {
			assertThat(handshake.status()).isEqualTo(101);
		}
	}

	@Test
	void aRequestWithoutSubprotocolIsRefused() {
		assertThat(TestHotClient.to(hmrUri("")).subprotocols().connectExpectingRefusal()).isEqualTo(400);
	}

	@Test
	void aRequestForSeveralSubprotocolsIsRefused() {
		assertThat(TestHotClient.to(hmrUri("")).subprotocols("vite-hmr", "other").connectExpectingRefusal())
			.isEqualTo(400);
	}

	@Test
	void aVitePingFromAForeignPageAndHostIsUpgradedThenClosedWithNormalClosure() throws IOException {
		try (RawHandshake handshake = RawHandshake.send(this.port, this.contextPath + "/@hmr", Map.of("Host",
				"evil.example.com", "Origin", "http://evil.example.com", "Sec-WebSocket-Protocol", "vite-ping"))) {
			assertThat(handshake.status()).isEqualTo(101);
			assertThat(handshake.header("Sec-WebSocket-Protocol")).isEqualTo("vite-ping");
			InputStream input = handshake.input();
			assertThat(input.read()).as("a close frame, nothing before it").isEqualTo(0x88);
			int length = input.read();
			assertThat(length).isGreaterThanOrEqualTo(2);
			assertThat((input.read() << 8) | input.read()).as("close code").isEqualTo(1000);
		}
	}

	private URI hmrUri(String query) {
		return URI.create("ws://localhost:" + this.port + this.contextPath + "/@hmr" + query);
	}

}
