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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.CustomPayload;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests of the HMR socket with a real server and real WebSocket clients.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.allowed-hosts=.example.test" })
class HotChannelIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Autowired
	private HotChannelTestApplication.EventRecorder events;

	private final List<Runnable> cleanUps = new ArrayList<>();

	@BeforeEach
	void noBrowserIsConnected() {
		await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().isEmpty());
	}

	@AfterEach
	void cleanUp() {
		this.cleanUps.forEach(Runnable::run);
	}

	@Test
	void connectedIsTheFirstMessageAndTheSubprotocolIsEchoed() {
		try (TestHotClient client = connect()) {
			assertThat(client.subprotocol()).isEqualTo("vite-hmr");
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
		}
	}

	@Test
	void connectionListenersRunBeforeConnectedIsSentAsInVite() {
		listen(ServerHotChannel.VITE_CLIENT_CONNECT, (data, client) -> client.send("test:welcome", null));
		try (TestHotClient client = connect()) {
			assertThat(client.takePayload()).isEqualTo(new CustomPayload("test:welcome", null));
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			HotChannelClient connected = identify(client);
			assertThat(this.events.take(HotClientConnectedEvent.class, (event) -> event.getClient() == connected,
					TestHotClient.TIMEOUT))
				.satisfies((event) -> assertThat(event.getChannel()).isSameAs(this.channel));
		}
	}

	@Test
	void anErrorSentWhileNoBrowserIsConnectedIsDeliveredToTheNextOneAfterConnected() {
		ErrorPayload error = new ErrorPayload(HotError.of("boom", "    at x"));
		this.channel.send(error);
		try (TestHotClient first = connect()) {
			assertThat(first.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			assertThat(first.takePayload()).isEqualTo(error);
		}
		await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().isEmpty());
		try (TestHotClient second = connect()) {
			assertThat(second.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			this.channel.send("test:marker", null);
			assertThat(second.takePayload()).as("the buffered error is forgotten once delivered")
				.isEqualTo(new CustomPayload("test:marker", null));
		}
	}

	@Test
	void theLastBufferedPayloadWins() {
		this.channel.send(new ErrorPayload(HotError.of("boom", "")));
		this.channel.send(FullReloadPayload.page("/about.html"));
		try (TestHotClient client = connect()) {
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			assertThat(client.takePayload()).isEqualTo(FullReloadPayload.page("/about.html"));
			this.channel.send("test:marker", null);
			assertThat(client.takePayload()).isEqualTo(new CustomPayload("test:marker", null));
		}
	}

	@Test
	void aBufferedFullReloadIsNotReplayedToAPageServedAfterIt() {
		this.channel.send(FullReloadPayload.page("/about.html"));
		((WebSocketServerHotChannel) this.channel).pageServed();
		try (TestHotClient client = connect()) {
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			this.channel.send("test:marker", null);
			assertThat(client.takePayload()).as("the page already shows the change")
				.isEqualTo(new CustomPayload("test:marker", null));
		}
	}

	@Test
	void aBufferedErrorIsStillDeliveredToAPageServedAfterIt() {
		ErrorPayload error = new ErrorPayload(HotError.of("boom", ""));
		this.channel.send(error);
		((WebSocketServerHotChannel) this.channel).pageServed();
		try (TestHotClient client = connect()) {
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			assertThat(client.takePayload()).isEqualTo(error);
		}
	}

	@Test
	void otherPayloadsSentWhileNoBrowserIsConnectedAreDropped() {
		this.channel.send("test:lost", null);
		try (TestHotClient client = connect()) {
			assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			this.channel.send("test:marker", null);
			assertThat(client.takePayload()).isEqualTo(new CustomPayload("test:marker", null));
		}
	}

	@Test
	void aBroadcastReachesEveryBrowser() {
		try (TestHotClient first = connect(); TestHotClient second = connect(); TestHotClient third = connect()) {
			for (TestHotClient client : List.of(first, second, third)) {
				assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			}
			await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().size() == 3);
			HotPayload payload = new CustomPayload("test:broadcast", Map.of("hello", "world"));
			this.channel.send(payload);
			for (TestHotClient client : List.of(first, second, third)) {
				assertThat(client.takeText(TestHotClient.TIMEOUT))
					.isEqualTo("{\"type\":\"custom\",\"event\":\"test:broadcast\",\"data\":{\"hello\":\"world\"}}");
			}
		}
	}

	@Test
	void aPayloadSentToOneBrowserReachesOnlyThatOne() {
		try (TestHotClient first = connect(); TestHotClient second = connect()) {
			first.takePayload();
			second.takePayload();
			HotChannelClient target = identify(first);
			await().atMost(TestHotClient.TIMEOUT).until(() -> this.channel.clients().size() == 2);
			this.channel.send(target, new CustomPayload("test:private", "for you"));
			this.channel.send("test:marker", null);
			assertThat(first.takePayload()).isEqualTo(new CustomPayload("test:private", "for you"));
			assertThat(first.takePayload()).isEqualTo(new CustomPayload("test:marker", null));
			assertThat(second.takePayload()).isEqualTo(new CustomPayload("test:marker", null));
		}
	}

	@Test
	void aCustomMessageReachesTheListenersOfItsEventWithItsBrowserAndIsPublished() throws Exception {
		BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
		listen("test:hello", (data, client) -> {
			received.add(data);
			client.send("test:reply", data);
		});
		try (TestHotClient client = connect(); TestHotClient other = connect()) {
			client.takePayload();
			other.takePayload();
			client.sendText("{\"type\":\"custom\",\"event\":\"test:hello\",\"data\":{\"n\":1}}");
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get("n").asInt())
				.isEqualTo(1);
			assertThat(client.takePayload()).isEqualTo(new CustomPayload("test:reply", Map.of("n", 1)));
			HotClientMessageEvent event = this.events.take(HotClientMessageEvent.class,
					(candidate) -> candidate.getEvent().equals("test:hello"), TestHotClient.TIMEOUT);
			assertThat(event.getData().get("n").asInt()).isEqualTo(1);
			assertThat(event.getClient()).isSameAs(identify(client)).isNotSameAs(identify(other));
		}
	}

	@Test
	void viteInvalidateReachesItsListeners() throws Exception {
		CompletableFuture<JsonNode> received = new CompletableFuture<>();
		listen("vite:invalidate", (data, client) -> received.complete(data));
		try (TestHotClient client = connect()) {
			client.takePayload();
			client.sendText("{\"type\":\"custom\",\"event\":\"vite:invalidate\",\"data\":{\"path\":\"/child.js\","
					+ "\"message\":\"cannot accept\",\"firstInvalidatedBy\":\"/child.js\"}}");
			JsonNode data = received.get(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(data.get("path").asString()).isEqualTo("/child.js");
			assertThat(data.get("message").asString()).isEqualTo("cannot accept");
			assertThat(data.get("firstInvalidatedBy").asString()).isEqualTo("/child.js");
		}
	}

	@Test
	void aMalformedFrameIsLoggedWithoutItsControlCharacters(CapturedOutput output) throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		listen("test:after", (data, client) -> received.add("after"));
		try (TestHotClient client = connect()) {
			client.takePayload();
			client.sendText("abc\u001b[31mFAKE\u0007");
			client.sendText("{\"type\":\"custom\",\"event\":\"test:after\"}");
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("after");
		}
		assertThat(output).contains("that is not a Vite HMR message").doesNotContain("\u001b").doesNotContain("\u0007");
	}

	@Test
	void framesThatAreNotViteMessagesAreIgnoredAndTheConnectionStaysOpen() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		listen("test:after", (data, client) -> received.add("after"));
		listen(ServerHotChannel.CONNECTION, (data, client) -> received.add("connection"));
		try (TestHotClient client = connect()) {
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("connection");
			client.takePayload();
			client.sendText("not json");
			client.sendText("{\"type\":\"unknown\"}");
			client.sendText("{\"type\":\"custom\"}");
			client.sendText("{\"type\":\"custom\",\"event\":42,\"data\":1}");
			client.sendText("{\"type\":[]}");
			client.sendText("{\"type\":\"ping\"}");
			client.sendText("{\"type\":\"custom\",\"event\":\"vite:client:connect\"}");
			client.sendBinary(new byte[] { 1, 2, 3 });
			client.sendText("{\"type\":\"custom\",\"event\":\"test:after\"}");
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
				.as("a browser cannot fake the server's connection event")
				.isEqualTo("after");
			this.channel.send("test:marker", null);
			assertThat(client.takePayload()).isEqualTo(new CustomPayload("test:marker", null));
			assertThat(client.isOpen()).isTrue();
		}
	}

	@Test
	void aLargeCustomMessageReachesItsListeners() throws Exception {
		CompletableFuture<JsonNode> received = new CompletableFuture<>();
		listen("test:large", (data, client) -> received.complete(data));
		// Vite accepts large messages; hmr.max-message-size is 1 MB by default
		String text = "x".repeat(1_000_000 - 100);
		try (TestHotClient client = connect()) {
			client.takePayload();
			client.sendText("{\"type\":\"custom\",\"event\":\"test:large\",\"data\":\"" + text + "\"}");
			assertThat(received.get(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).asString())
				.isEqualTo(text);
		}
	}

	@Test
	void aFailingListenerDoesNotKeepTheOthersFromTheMessage() throws Exception {
		CompletableFuture<String> received = new CompletableFuture<>();
		listen("test:fail", (data, client) -> {
			throw new IllegalStateException("listener failure (expected by the test)");
		});
		listen("test:fail", (data, client) -> received.complete("second"));
		try (TestHotClient client = connect()) {
			client.takePayload();
			client.sendText("{\"type\":\"custom\",\"event\":\"test:fail\"}");
			assertThat(received.get(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("second");
			this.channel.send("test:marker", null);
			assertThat(client.takePayload()).isEqualTo(new CustomPayload("test:marker", null));
		}
	}

	@Test
	void aListenerRemovedWithOffIsNotCalledAnyMore() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		HotChannelListener removed = (data, client) -> received.add("removed");
		this.channel.on("test:off", removed);
		this.channel.off("test:off", removed);
		listen("test:off", (data, client) -> received.add("kept"));
		try (TestHotClient client = connect()) {
			client.takePayload();
			client.sendText("{\"type\":\"custom\",\"event\":\"test:off\"}");
			assertThat(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("kept");
			assertThat(received).isEmpty();
		}
	}

	@Test
	void aDisconnectIsAnnouncedToListenersOfEitherNameAndPublished() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		listen(ServerHotChannel.DISCONNECT, (data, client) -> received.add("disconnect"));
		listen(ServerHotChannel.VITE_CLIENT_DISCONNECT, (data, client) -> received.add("vite:client:disconnect"));
		TestHotClient client = connect();
		client.takePayload();
		HotChannelClient gone = identify(client);
		client.close();
		assertThat(List.of(received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
				received.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)))
			.containsExactly("disconnect", "vite:client:disconnect");
		this.events.take(HotClientDisconnectedEvent.class, (event) -> event.getClient() == gone, TestHotClient.TIMEOUT);
		assertThat(this.channel.clients()).doesNotContain(gone);
		assertThat(gone.isOpen()).isFalse();
	}

	@Test
	void theSocketOfABrowserDoesNotShowItsToken() {
		try (TestHotClient client = TestHotClient.to(URI.create(hmrUri() + "?token=secret&x=1")).connect()) {
			client.takePayload();
			HotChannelSocket socket = identify(client).socket();
			assertThat(socket.uri()).hasPath("/@hmr").hasQuery("x=1");
			assertThat(socket.remoteAddress()).isNotNull();
		}
	}

	@Test
	void aVitePingIsAcceptedThenClosedNormallyWithoutJoiningTheChannel() {
		try (TestHotClient ping = TestHotClient.to(hmrUri()).subprotocols("vite-ping").connect()) {
			assertThat(ping.subprotocol()).isEqualTo("vite-ping");
			assertThat(ping.awaitClose(TestHotClient.TIMEOUT)).isEqualTo(1000);
			assertThat(ping.pendingMessages()).as("no connected before the close").isZero();
		}
		assertThat(this.channel.clients()).isEmpty();
	}

	@Test
	void aUsersOwnWebSocketEndpointWorksBesideTheHmrOne() {
		try (TestHotClient echo = TestHotClient.to(URI.create("ws://localhost:" + this.port + "/echo"))
			.subprotocols()
			.connect(); TestHotClient hmr = connect()) {
			echo.sendText("hi");
			assertThat(echo.takeText(TestHotClient.TIMEOUT)).isEqualTo("echo:hi");
			assertThat(hmr.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
		}
	}

	private TestHotClient connect() {
		return TestHotClient.to(hmrUri()).connect();
	}

	private URI hmrUri() {
		return URI.create("ws://localhost:" + this.port + "/@hmr");
	}

	private void listen(String event, HotChannelListener listener) {
		this.channel.on(event, listener);
		this.cleanUps.add(() -> this.channel.off(event, listener));
	}

	/**
	 * The server's side of a test client, found by a message it sends.
	 */
	private HotChannelClient identify(TestHotClient client) {
		CompletableFuture<HotChannelClient> found = new CompletableFuture<>();
		HotChannelListener listener = (data, sender) -> found.complete(sender);
		this.channel.on("test:whoami", listener);
		try {
			client.sendText("{\"type\":\"custom\",\"event\":\"test:whoami\"}");
			return found.get(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		finally {
			this.channel.off("test:whoami", listener);
		}
	}

}
