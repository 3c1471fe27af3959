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
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import dev.hmr.access.LogSafe;
import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.CustomPayload;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.HotPayloadCodec;
import dev.hmr.payload.MalformedClientMessageException;

/**
 * The {@link ServerHotChannel} behind {@link HotChannelWebSocketHandler}: the browsers
 * connected to the HMR WebSocket, with Vite's rules.
 * <ul>
 * <li>A new browser is announced to {@link #CONNECTION} listeners, then sent
 * {@code connected}, then the buffered payload if there is one.</li>
 * <li>An {@code error} or {@code full-reload} sent while no browser is connected is kept
 * (the last one wins) for the next browser, so that a page that failed to load learns
 * why.</li>
 * <li>A broadcast is serialised once; every browser gets the same text.</li>
 * <li>Each browser's sends are queued and written on a sender thread through a
 * {@link ConcurrentWebSocketSessionDecorator} with a time and a buffer limit: a browser
 * that stops reading is disconnected, and never delays the others.</li>
 * <li>When the application stops, every browser is sent {@code 1001 going away} before
 * the web server stops (a {@link SmartLifecycle} of the last phase to start, first to
 * stop); without it the server's sockets would break off with {@code 1006}.</li>
 * <li>Custom messages from browsers go to the listeners of their event and are published
 * as {@link HotClientMessageEvent}; frames that are not Vite messages are logged and
 * ignored, the connection stays open.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class WebSocketServerHotChannel
		implements ServerHotChannel, ApplicationEventPublisherAware, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(WebSocketServerHotChannel.class);

	private static final DataSize DEFAULT_MAX_MESSAGE_SIZE = DataSize.ofMegabytes(1);

	private final HotPayloadCodec codec;

	private final TextMessage connectedMessage;

	private final WebSocketHotChannelClientFactory clientFactory;

	private final Map<String, WebSocketHotChannelClient> clients = new ConcurrentHashMap<>();

	private final HotChannelListeners listeners = new HotChannelListeners();

	private final HotChannelActivity activity = new HotChannelActivity();

	/**
	 * Guards {@link #clients} against a concurrent broadcast while a browser is being
	 * registered, and {@link #bufferedMessage}: the decision "no browser is connected,
	 * keep it" and the hand-over to the next browser must not interleave.
	 */
	private final Object monitor = new Object();

	private @Nullable TextMessage bufferedMessage;

	/** The type of {@link #bufferedMessage}: {@code error} or {@code full-reload}. */
	private HotPayload.Type bufferedType = HotPayload.Type.ERROR;

	private volatile boolean closed;

	private @Nullable ApplicationEventPublisher eventPublisher;

	/**
	 * Create a new channel that accepts messages of up to 1 MB from browsers.
	 * @param codec the codec that writes payloads and reads browsers' messages
	 * @param sendTimeLimit how long a send to one browser may take before that browser is
	 * disconnected ({@code hmr.send-time-limit})
	 * @param sendBufferSizeLimit how much unsent data may be buffered for one browser
	 * before it is disconnected ({@code hmr.send-buffer-size-limit})
	 */
	public WebSocketServerHotChannel(HotPayloadCodec codec, Duration sendTimeLimit, DataSize sendBufferSizeLimit) {
		this(codec, sendTimeLimit, sendBufferSizeLimit, DEFAULT_MAX_MESSAGE_SIZE);
	}

	/**
	 * Create a new channel.
	 * @param codec the codec that writes payloads and reads browsers' messages
	 * @param sendTimeLimit how long a send to one browser may take before that browser is
	 * disconnected ({@code hmr.send-time-limit})
	 * @param sendBufferSizeLimit how much unsent data may be buffered for one browser
	 * before it is disconnected ({@code hmr.send-buffer-size-limit})
	 * @param maxMessageSize the largest message a browser may send; a larger one is
	 * ignored and logged ({@code hmr.max-message-size})
	 */
	public WebSocketServerHotChannel(HotPayloadCodec codec, Duration sendTimeLimit, DataSize sendBufferSizeLimit,
			DataSize maxMessageSize) {
		Assert.notNull(codec, "'codec' must not be null");
		Assert.notNull(sendTimeLimit, "'sendTimeLimit' must not be null");
		Assert.notNull(sendBufferSizeLimit, "'sendBufferSizeLimit' must not be null");
		Assert.isTrue(
				maxMessageSize != null && maxMessageSize.toBytes() > 0 && maxMessageSize.toBytes() <= Integer.MAX_VALUE,
				"'maxMessageSize' must be between 1B and 2GB");
		this.codec = codec;
		this.connectedMessage = WebSocketHotChannelClient.textMessage(codec.write(ConnectedPayload.INSTANCE));
		this.clientFactory = new WebSocketHotChannelClientFactory(codec, sendTimeLimit, sendBufferSizeLimit,
				maxMessageSize, this.activity);
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	/**
	 * Create the WebSocket handler through which browsers join this channel.
	 * @return the handler
	 */
	public HotChannelWebSocketHandler createWebSocketHandler() {
		return new HotChannelWebSocketHandler(new Sessions());
	}

	@Override
	public void send(HotPayload payload) {
		Assert.notNull(payload, "'payload' must not be null");
		TextMessage message = WebSocketHotChannelClient.textMessage(this.codec.write(payload));
		if (payload instanceof ErrorPayload error) {
			this.activity.errorSent(error.err());
		}
		synchronized (this.monitor) {
			if (this.closed) {
				logger.debug("Dropped a '" + payload.type().value() + "' payload: the HMR channel is closed");
				return;
			}
			if (this.clients.isEmpty()) {
				if (payload.type() == HotPayload.Type.ERROR || payload.type() == HotPayload.Type.FULL_RELOAD) {
					this.bufferedMessage = message;
					this.bufferedType = payload.type();
				}
				return;
			}
			for (WebSocketHotChannelClient client : this.clients.values()) {
				client.enqueue(message, payload.type());
			}
		}
	}

	@Override
	public Collection<HotChannelClient> clients() {
		return List.copyOf(this.clients.values());
	}

	/**
	 * The browsers connected now, as the Actuator endpoint shows them.
	 * @return a snapshot, oldest connection first
	 */
	public List<HotChannelConnection> connections() {
		return this.clients.values()
			.stream()
			.map(WebSocketHotChannelClient::connection)
			.sorted(Comparator.comparing(HotChannelConnection::since))
			.toList();
	}

	/**
	 * What this channel has sent since it started.
	 * @return the counts and the last error
	 */
	public HotChannelActivity activity() {
		return this.activity;
	}

	@Override
	public void on(String event, HotChannelListener listener) {
		this.listeners.on(event, listener);
	}

	@Override
	public void off(String event, HotChannelListener listener) {
		this.listeners.off(event, listener);
	}

	/**
	 * Close every connection with {@code 1001 going away} and refuse new ones. Browsers
	 * then poll with {@code vite-ping} and reload once a server answers again.
	 */
	@Override
	public void close() {
		disconnectAll();
		this.clientFactory.shutdown();
	}

	/**
	 * Accept browsers again after {@link #stop()} (a paused test context restarting),
	 * unless the channel was {@link #close() closed}.
	 */
	@Override
	public void start() {
		synchronized (this.monitor) {
			if (!this.clientFactory.isShutdown()) {
				this.closed = false;
			}
		}
	}

	/**
	 * Disconnect every browser with {@code 1001 going away} and refuse new ones, while
	 * the web server still runs, so that every browser gets a close frame.
	 */
	@Override
	public void stop() {
		disconnectAll();
	}

	private void disconnectAll() {
		List<WebSocketHotChannelClient> open;
		synchronized (this.monitor) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.bufferedMessage = null;
			open = List.copyOf(this.clients.values());
		}
		for (WebSocketHotChannelClient client : open) {
			client.close(CloseStatus.GOING_AWAY);
		}
	}

	@Override
	public boolean isRunning() {
		return !this.closed;
	}

	/**
	 * Tell the channel that a page which loads the client was just served. A
	 * {@code full-reload} kept while no browser was connected is older than that page, so
	 * the page already shows the change: the kept payload is dropped rather than replayed
	 * to the browser that connects next, which would otherwise load the page twice. A
	 * kept {@code error} stays: it may be about a module request the page makes later.
	 */
	public void pageServed() {
		synchronized (this.monitor) {
			if (this.bufferedMessage != null && this.bufferedType == HotPayload.Type.FULL_RELOAD) {
				this.bufferedMessage = null;
				logger.debug("Dropped the buffered full-reload: a page was served after it");
			}
		}
	}

	/**
	 * Whether a payload is kept for the next browser; for tests.
	 * @return true while an {@code error} or {@code full-reload} waits
	 */
	boolean hasBufferedPayload() {
		synchronized (this.monitor) {
			return this.bufferedMessage != null;
		}
	}

	/**
	 * Whether the channel still accepts connections.
	 * @return false once {@link #close()} was called
	 */
	public boolean isAccepting() {
		return !this.closed;
	}

	private void connected(WebSocketSession session) throws IOException {
		if (this.closed) {
			session.close(CloseStatus.SERVICE_RESTARTED);
			return;
		}
		WebSocketHotChannelClient client = this.clientFactory.create(session, this::disconnected);
		this.listeners.notify(CONNECTION, null, client);
		publish(new HotClientConnectedEvent(this, client));
		synchronized (this.monitor) {
			if (this.closed) {
				client.close(CloseStatus.SERVICE_RESTARTED);
				return;
			}
			client.enqueue(this.connectedMessage, HotPayload.Type.CONNECTED);
			if (this.bufferedMessage != null) {
				client.enqueue(this.bufferedMessage, this.bufferedType);
				this.bufferedMessage = null;
			}
			this.clients.put(session.getId(), client);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Browser connected to the HMR socket: " + client);
		}
	}

	private void received(WebSocketSession session, TextMessage message) {
		WebSocketHotChannelClient client = this.clients.get(session.getId());
		if (client == null) {
			return;
		}
		String text = client.assemble(message);
		if (text == null) {
			return;
		}
		Optional<CustomPayload> custom;
		try {
			custom = this.codec.readClientMessage(text);
		}
		catch (MalformedClientMessageException ex) {
			client.reportMalformed(ex.getMessage());
			return;
		}
		if (custom.isEmpty()) {
			return;
		}
		String event = custom.get().event();
		if (!HotChannelListeners.isClientEvent(event)) {
			client.reportMalformed("a browser may not send the server's own event " + LogSafe.quoted(event));
			return;
		}
		JsonNode data = (JsonNode) custom.get().data();
		this.listeners.notify(event, data, client);
		publish(new HotClientMessageEvent(this, client, event, data));
	}

	private void receivedBinary(WebSocketSession session) {
		WebSocketHotChannelClient client = this.clients.get(session.getId());
		if (client != null) {
			client.reportMalformed("a binary frame");
		}
	}

	private void disconnected(WebSocketSession session) {
		WebSocketHotChannelClient client = this.clients.get(session.getId());
		if (client != null) {
			disconnected(client);
		}
	}

	private void disconnected(WebSocketHotChannelClient client) {
		if (!client.markDisconnected()) {
			return;
		}
		this.clients.remove(client.socket().id(), client);
		if (logger.isDebugEnabled()) {
			logger.debug("Browser disconnected from the HMR socket: " + client);
		}
		this.listeners.notify(DISCONNECT, null, client);
		publish(new HotClientDisconnectedEvent(this, client));
	}

	private void publish(ApplicationEvent event) {
		ApplicationEventPublisher publisher = this.eventPublisher;
		if (publisher == null) {
			return;
		}
		try {
			publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.error("Listener of " + event.getClass().getSimpleName() + " failed", ex);
		}
	}

	/**
	 * The sessions of the channel's WebSocket handler, kept off the channel's own API.
	 */
	private final class Sessions implements HotChannelSessions {

		@Override
		public void connected(WebSocketSession session) throws IOException {
			WebSocketServerHotChannel.this.connected(session);
		}

		@Override
		public void received(WebSocketSession session, TextMessage message) {
			WebSocketServerHotChannel.this.received(session, message);
		}

		@Override
		public void receivedBinary(WebSocketSession session) {
			WebSocketServerHotChannel.this.receivedBinary(session);
		}

		@Override
		public void disconnected(WebSocketSession session) {
			WebSocketServerHotChannel.this.disconnected(session);
		}

	}

}
