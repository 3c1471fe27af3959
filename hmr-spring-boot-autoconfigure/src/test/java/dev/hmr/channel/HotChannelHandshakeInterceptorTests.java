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
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import dev.hmr.payload.HotPayloadCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HotChannelHandshakeInterceptor}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HotChannelHandshakeInterceptorTests {

	private static final String TOKEN = "abcdefghijkl";

	private final AtomicBoolean accepting = new AtomicBoolean(true);

	private final HotChannelHandshakeInterceptor interceptor = new HotChannelHandshakeInterceptor(HmrToken.of(TOKEN),
			List.of(".example.test"), this.accepting::get);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void acceptsAToolWithoutOriginOrToken() {
		assertThat(handshake(request("vite-hmr"))).isTrue();
	}

	@Test
	void acceptsABrowserWithTheToken() {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Origin", "http://localhost:8080");
		request.setQueryString("token=" + TOKEN);
		assertThat(handshake(request)).isTrue();
	}

	@Test
	void acceptsABrowserOfAnotherOriginWithTheTokenAsViteDoes() {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Origin", "http://elsewhere.example.com");
		request.setQueryString("a=1&token=" + TOKEN);
		assertThat(handshake(request)).isTrue();
	}

	@Test
	void refusesABrowserWithoutToken(CapturedOutput output) {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Origin", "http://localhost:8080");
		assertRefused(request);
		assertThat(output).contains("Refused an HMR WebSocket from 127.0.0.1")
			.contains("without token")
			.doesNotContain(TOKEN);
	}

	@Test
	void refusesABrowserWithAWrongTokenWithoutLoggingEitherToken(CapturedOutput output) {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Origin", "http://localhost:8080");
		request.setQueryString("token=guessedtoken");
		assertRefused(request);
		assertThat(output).contains("wrong token").doesNotContain(TOKEN).doesNotContain("guessedtoken");
	}

	@Test
	void refusesATokenThatIsOnlyAPrefix() {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Origin", "http://localhost:8080");
		request.setQueryString("token=" + TOKEN.substring(0, 11));
		assertRefused(request);
	}

	@Test
	void refusesAForeignHost(CapturedOutput output) {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Host", "evil.example.com:8080");
		assertRefused(request);
		assertThat(output).contains("Host 'evil.example.com:8080' is not allowed").contains("hmr.allowed-hosts");
	}

	@Test
	void acceptsAnAllowedHost() {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Host", "app.example.test");
		assertThat(handshake(request)).isTrue();
	}

	@Test
	void checksTheHostBeforeTheToken(CapturedOutput output) {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Host", "evil.example.com");
		request.addHeader("Origin", "http://evil.example.com");
		request.setQueryString("token=" + TOKEN);
		assertRefused(request);
		assertThat(output).contains("Host 'evil.example.com' is not allowed");
	}

	@Test
	void acceptsAVitePingFromAnywhereWithoutToken() {
		MockHttpServletRequest request = request("vite-ping");
		request.addHeader("Host", "evil.example.com");
		request.addHeader("Origin", "http://evil.example.com");
		assertThat(handshake(request)).isTrue();
	}

	@Test
	void refusesARequestWithoutSubprotocol(CapturedOutput output) {
		assertRefused(request(null));
		assertThat(output).contains("no subprotocol");
	}

	@Test
	void refusesAnotherSubprotocol() {
		assertRefused(request("graphql-ws"));
	}

	@Test
	void refusesAListOfSubprotocolsEvenIfItNamesViteHmr() {
		assertRefused(request("vite-hmr, other"));
		MockHttpServletRequest twoHeaders = request("vite-hmr");
		twoHeaders.addHeader("Sec-WebSocket-Protocol", "vite-ping");
		assertRefused(twoHeaders);
	}

	@Test
	void readsHeaderNamesWhateverTheirCase() {
		MockHttpServletRequest request = request(null);
		request.addHeader("sec-websocket-protocol", "vite-hmr");
		request.addHeader("ORIGIN", "http://localhost");
		request.addHeader("host", "evil.example.com");
		assertRefused(request);
		assertThat(this.response.getStatus()).isEqualTo(400);
	}

	@Test
	void refusesEvenPingsWithServiceUnavailableOnceTheChannelIsClosed() {
		this.accepting.set(false);
		assertThat(handshake(request("vite-ping"))).isFalse();
		assertThat(this.response.getStatus()).isEqualTo(503);
	}

	@Test
	void logsAHostileHeaderShortenedAndWithoutControlCharacters(CapturedOutput output) {
		MockHttpServletRequest request = request("vite-hmr");
		request.addHeader("Host", "evil\r\nFAKE LOG LINE" + "x".repeat(500));
		assertRefused(request);
		assertThat(output).doesNotContain("\nFAKE LOG LINE")
			.contains("evil\\r\\nFAKE LOG LINE")
			.doesNotContain("x".repeat(200));
	}

	private boolean handshake(MockHttpServletRequest request) {
		return this.interceptor.beforeHandshake(new ServletServerHttpRequest(request),
				new ServletServerHttpResponse(this.response),
				new WebSocketServerHotChannel(new HotPayloadCodec(), Duration.ofSeconds(5), DataSize.ofKilobytes(512))
					.createWebSocketHandler(),
				new HashMap<>());
	}

	private void assertRefused(MockHttpServletRequest request) {
		assertThat(handshake(request)).isFalse();
		assertThat(this.response.getStatus()).isEqualTo(400);
	}

	private static MockHttpServletRequest request(String subprotocol) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/@hmr");
		request.setRemoteAddr("127.0.0.1");
		if (subprotocol != null) {
			request.addHeader("Sec-WebSocket-Protocol", subprotocol);
		}
		return request;
	}

}
