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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HMR socket as the starter speaks it over a connection upgraded with the Servlet API
 * (on Tomcat): RFC 6455 framing as a browser's frames arrive, written here byte by byte
 * rather than by a WebSocket client library that would only send well-formed frames.
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.max-message-size=8KB" })
class UpgradedWebSocketSessionIntegrationTests {

	private static final int TEXT = 0x1;

	private static final int BINARY = 0x2;

	private static final int CONTINUATION = 0x0;

	private static final int CLOSE = 0x8;

	private static final int PING = 0x9;

	private static final int PONG = 0xA;

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private final HotChannelListener listener = (data, client) -> this.received.add(data.asString());

	private final List<RawHandshake> sockets = new ArrayList<>();

	@AfterEach
	void closeSockets() throws IOException {
		this.channel.off("test:echo", this.listener);
		for (RawHandshake socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void theHandshakeAnswersWithTheAcceptKeyAndTheSubprotocolThenTheConnectedPayload() throws Exception {
		RawHandshake socket = connect();
		assertThat(socket.status()).isEqualTo(101);
		// RFC 6455, section 1.3: the accept value of the sample nonce
		assertThat(socket.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
		assertThat(socket.header("Sec-WebSocket-Protocol")).isEqualTo("vite-hmr");
		assertThat(socket.header("Upgrade")).isEqualToIgnoringCase("websocket");
		RawHandshake.Frame connected = socket.readFrame();
		assertThat(connected.fin()).isTrue();
		assertThat(connected.opcode()).isEqualTo(TEXT);
		assertThat(connected.text()).isEqualTo("{\"type\":\"connected\"}");
	}

	@Test
	void aPingIsAnsweredWithAPongOfTheSamePayload() throws Exception {
		RawHandshake socket = connected();
		socket.writeFrame(true, PING, "are you there".getBytes(StandardCharsets.UTF_8), true);
		RawHandshake.Frame pong = socket.readFrame();
		assertThat(pong.opcode()).isEqualTo(PONG);
		assertThat(pong.text()).isEqualTo("are you there");
	}

	@Test
	void aMessageInPartsWithCharactersSplitBetweenThemReachesItsListenerWhole() throws Exception {
		this.channel.on("test:echo", this.listener);
		RawHandshake socket = connected();
		String data = "é€😀 ".repeat(700) + "end";
		byte[] message = customMessage(data);
		// split inside characters: the first cut is inside the first "€", the others at
		// bytes that fall within a 4-byte emoji or not, as they come
		int first = message.length / 3 + 1;
		int second = 2 * message.length / 3 + 2;
		ByteArrayOutputStream frames = new ByteArrayOutputStream();
		frames.write(RawHandshake.frame(false, TEXT, Arrays.copyOfRange(message, 0, first), true));
		// a control frame may come between the parts of a message
		frames.write(RawHandshake.frame(true, PING, new byte[] { 1, 2, 3 }, true));
		frames.write(RawHandshake.frame(false, CONTINUATION, Arrays.copyOfRange(message, first, second), true));
		frames.write(RawHandshake.frame(true, CONTINUATION, Arrays.copyOfRange(message, second, message.length), true));
		byte[] bytes = frames.toByteArray();
		// and in TCP writes that cut frames and characters anywhere
		for (int offset = 0; offset < bytes.length; offset += 1000) {
			socket.output().write(bytes, offset, Math.min(1000, bytes.length - offset));
			socket.output().flush();
		}
		assertThat(this.received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(data);
		assertThat(socket.readFrame().opcode()).isEqualTo(PONG);
	}

	@Test
	void aMessageLongerThanTheLimitIsDroppedAndTheSocketStaysOpen() throws Exception {
		this.channel.on("test:echo", this.listener);
		RawHandshake socket = connected();
		socket.writeFrame(true, TEXT, customMessage("x".repeat(20_000)), true);
		socket.writeFrame(true, TEXT, customMessage("small"), true);
		assertThat(this.received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("small");
		assertThat(this.received).isEmpty();
	}

	@Test
	void aBinaryMessageIsIgnoredAndTheSocketStaysOpen() throws Exception {
		this.channel.on("test:echo", this.listener);
		RawHandshake socket = connected();
		socket.writeFrame(true, BINARY, new byte[300], true);
		socket.writeFrame(true, TEXT, customMessage("after"), true);
		assertThat(this.received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("after");
	}

	@Test
	void anUnmaskedFrameClosesTheSocketWithAProtocolError() throws Exception {
		RawHandshake socket = connected();
		socket.writeFrame(true, TEXT, customMessage("unmasked"), false);
		assertClosedWith(socket, 1002);
	}

	@Test
	void aFrameWithReservedBitsClosesTheSocketWithAProtocolError() throws Exception {
		RawHandshake socket = connected();
		byte[] frame = RawHandshake.frame(true, TEXT, customMessage("rsv"), true);
		frame[0] |= 0x40;
		socket.output().write(frame);
		assertClosedWith(socket, 1002);
	}

	@Test
	void aContinuationWithNoMessageClosesTheSocketWithAProtocolError() throws Exception {
		RawHandshake socket = connected();
		socket.writeFrame(true, CONTINUATION, "stray".getBytes(StandardCharsets.UTF_8), true);
		assertClosedWith(socket, 1002);
	}

	@Test
	void textThatIsNotUtf8ClosesTheSocketWithBadData() throws Exception {
		RawHandshake socket = connected();
		socket.writeFrame(true, TEXT, new byte[] { '{', (byte) 0xC3, (byte) 0x28, '}' }, true);
		assertClosedWith(socket, 1007);
	}

	@Test
	void aCloseFromTheBrowserIsAnsweredWithItsCodeAndTheBrowserLeavesTheChannel() throws Exception {
		RawHandshake socket = connected();
		await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().size() == 1);
		byte[] payload = { 0x03, (byte) 0xE9, 'b', 'y', 'e' };
		socket.writeFrame(true, CLOSE, payload, true);
		RawHandshake.Frame answer = socket.readFrame();
		assertThat(answer.opcode()).isEqualTo(CLOSE);
		assertThat(answer.closeCode()).isEqualTo(1001);
		assertThat(socket.readFrame()).as("the server hangs up after its answer").isNull();
		await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().isEmpty());
	}

	@Test
	void aBrowserClosedByTheServerGetsACloseAndIsHungUpOnOnceItAnswers() throws Exception {
		RawHandshake socket = connected();
		await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().size() == 1);
		this.channel.clients().iterator().next().close();
		RawHandshake.Frame close = socket.readFrame();
		assertThat(close.opcode()).isEqualTo(CLOSE);
		assertThat(close.closeCode()).isEqualTo(1000);
		socket.writeFrame(true, CLOSE, Arrays.copyOf(close.payload(), 2), true);
		assertThat(socket.readFrame()).isNull();
	}

	@Test
	void aBrowserThatLeavesWithoutACloseLeavesTheChannel() throws Exception {
		RawHandshake socket = connected();
		await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().size() == 1);
		socket.close();
		await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().isEmpty());
	}

	@Test
	void aVitePingSocketIsClosedNormallyOnOpening() throws Exception {
		RawHandshake socket = RawHandshake.send(this.port, "/@hmr", Map.of("Sec-WebSocket-Protocol", "vite-ping"));
		this.sockets.add(socket);
		assertThat(socket.status()).isEqualTo(101);
		assertThat(socket.header("Sec-WebSocket-Protocol")).isEqualTo("vite-ping");
		RawHandshake.Frame close = socket.readFrame();
		assertThat(close.opcode()).isEqualTo(CLOSE);
		assertThat(close.closeCode()).isEqualTo(1000);
	}

	private void assertClosedWith(RawHandshake socket, int code) throws IOException {
		RawHandshake.Frame close = socket.readFrame();
		assertThat(close.opcode()).isEqualTo(CLOSE);
		assertThat(close.closeCode()).isEqualTo(code);
		assertThat(socket.readFrame()).as("the server hangs up at once").isNull();
		await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().isEmpty());
	}

	private RawHandshake connect() throws IOException {
		RawHandshake socket = RawHandshake.send(this.port, "/@hmr", Map.of("Sec-WebSocket-Protocol", "vite-hmr"));
		this.sockets.add(socket);
		return socket;
	}

	private RawHandshake connected() throws IOException {
		RawHandshake socket = connect();
		assertThat(socket.readFrame().text()).isEqualTo("{\"type\":\"connected\"}");
		return socket;
	}

	private static byte[] customMessage(String data) {
		return ("{\"type\":\"custom\",\"event\":\"test:echo\",\"data\":\"" + data + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
