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

import java.io.Closeable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.HotPayloadCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser stand-in on the HMR socket (the JDK's WebSocket client), handing out what it
 * received in order with {@link #takePayload(Duration)}, as okhttp's mockwebserver hands
 * out requests.
 */
public final class TestHotClient implements Closeable {

	/** How long a test waits for something that should happen. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final HttpClient httpClient = HttpClient.newHttpClient();

	private static final HotPayloadCodec codec = new HotPayloadCodec();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private @Nullable WebSocket webSocket;

	private TestHotClient() {
	}

	/**
	 * Start building a client of a socket.
	 * @param uri the socket's URI
	 * @return the builder
	 */
	public static Builder to(URI uri) {
		return new Builder(uri);
	}

	/**
	 * Connect as a browser does to the HMR socket of an application on localhost, and
	 * take the {@code connected} message that opens every connection.
	 * @param port the application's port
	 * @return the client, past {@code connected}
	 */
	public static TestHotClient connectedBrowser(int port) {
		TestHotClient client = to(URI.create("ws://localhost:" + port + "/@hmr")).subprotocols("vite-hmr").connect();
		assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
		return client;
	}

	/**
	 * Take the next message as a payload.
	 * @param timeout how long to wait
	 * @return the payload
	 */
	public HotPayload takePayload(Duration timeout) {
		return codec.read(takeText(timeout));
	}

	/**
	 * Take the next payload, waiting {@link #TIMEOUT}.
	 * @return the payload
	 */
	public HotPayload takePayload() {
		return takePayload(TIMEOUT);
	}

	/**
	 * Take the next text message.
	 * @param timeout how long to wait
	 * @return the text
	 */
	public String takeText(Duration timeout) {
		try {
			String text = this.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (text == null) {
				throw new AssertionError("No message within " + timeout);
			}
			return text;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * Messages received and not yet taken.
	 * @return how many
	 */
	public int pendingMessages() {
		return this.messages.size();
	}

	/**
	 * Send a text frame.
	 * @param text the text
	 */
	public void sendText(String text) {
		webSocket().sendText(text, true).join();
	}

	/**
	 * Send a binary frame.
	 * @param bytes the bytes
	 */
	public void sendBinary(byte[] bytes) {
		webSocket().sendBinary(ByteBuffer.wrap(bytes), true).join();
	}

	/**
	 * The subprotocol the server echoed.
	 * @return the subprotocol, empty when none
	 */
	public String subprotocol() {
		return webSocket().getSubprotocol();
	}

	/**
	 * Whether the server has not closed the socket.
	 * @return true while open
	 */
	public boolean isOpen() {
		return !this.closeCode.isDone() && !webSocket().isInputClosed();
	}

	/**
	 * Wait until the server closes the socket.
	 * @param timeout how long to wait
	 * @return the close code, {@code 1006} when the connection broke without one
	 */
	public int awaitClose(Duration timeout) {
		try {
			return this.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError("Not closed within " + timeout, ex);
		}
	}

	@Override
	public void close() {
		if (this.webSocket != null) {
			this.webSocket.abort();
		}
	}

	private WebSocket webSocket() {
		if (this.webSocket == null) {
			throw new IllegalStateException("Not connected");
		}
		return this.webSocket;
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				TestHotClient.this.messages.add(this.text.toString());
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			TestHotClient.this.closeCode.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			TestHotClient.this.closeCode.complete(1006);
		}

	}

	/**
	 * Builds a {@link TestHotClient}.
	 */
	public static final class Builder {

		private final URI uri;

		private String[] subprotocols = { HotChannelWebSocketHandler.HMR_PROTOCOL };

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Builder(URI uri) {
			this.uri = uri;
		}

		/**
		 * Request these subprotocols (sent as one header); none for no header.
		 * @param subprotocols the subprotocols
		 * @return this builder
		 */
		public Builder subprotocols(String... subprotocols) {
			this.subprotocols = subprotocols;
			return this;
		}

		/**
		 * Send an {@code Origin} header, as browsers do.
		 * @param origin the origin
		 * @return this builder
		 */
		public Builder origin(String origin) {
			this.headers.put("Origin", origin);
			return this;
		}

		/**
		 * Connect, failing the test if the server refuses.
		 * @return the connected client
		 */
		public TestHotClient connect() {
			try {
				return connectOrFail();
			}
			catch (WebSocketHandshakeException ex) {
				throw new AssertionError("Handshake refused with " + ex.getResponse().statusCode(), ex);
			}
		}

		/**
		 * Connect, expecting the server to refuse.
		 * @return the HTTP status of the refusal
		 */
		public int connectExpectingRefusal() {
			try {
				TestHotClient client = connectOrFail();
				client.close();
				throw new AssertionError("Handshake was accepted");
			}
			catch (WebSocketHandshakeException ex) {
				return ex.getResponse().statusCode();
			}
		}

		private TestHotClient connectOrFail() throws WebSocketHandshakeException {
			TestHotClient client = new TestHotClient();
			WebSocket.Builder builder = httpClient.newWebSocketBuilder().connectTimeout(TIMEOUT);
			if (this.subprotocols.length > 0) {
				builder.subprotocols(this.subprotocols[0],
						Arrays.copyOfRange(this.subprotocols, 1, this.subprotocols.length));
			}
			this.headers.forEach(builder::header);
			try {
				client.webSocket = builder.buildAsync(this.uri, client.new Listener())
					.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				return client;
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof WebSocketHandshakeException handshakeException) {
					throw handshakeException;
				}
				throw new AssertionError(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			catch (TimeoutException ex) {
				throw new AssertionError("No handshake within " + TIMEOUT, ex);
			}
		}

	}

}
