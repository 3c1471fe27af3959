package dev.hmr.channel;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.CustomPayload;
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
 * <li>Custom messages from browsers go to the listeners of their event and are published
 * as {@link HotClientMessageEvent}; frames that are not Vite messages are logged and
 * ignored, the connection stays open.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public class WebSocketServerHotChannel implements ServerHotChannel, ApplicationEventPublisherAware {

	/**
	 * Default time a send to one browser may take before that browser is disconnected.
	 */
	public static final Duration DEFAULT_SEND_TIME_LIMIT = Duration.ofSeconds(5);

	/**
	 * Default amount of unsent data buffered for one browser before it is disconnected.
	 */
	public static final DataSize DEFAULT_SEND_BUFFER_SIZE_LIMIT = DataSize.ofKilobytes(512);

	/**
	 * Largest text message a browser may send, in characters. Containers default to 8
	 * KiB, small for custom data, and close the socket on a larger message.
	 */
	static final int MAX_CLIENT_MESSAGE_SIZE = 64 * 1024;

	private static final Log logger = LogFactory.getLog(WebSocketServerHotChannel.class);

	private static final boolean JAKARTA_WEBSOCKET_PRESENT = ClassUtils.isPresent("jakarta.websocket.Session",
			WebSocketServerHotChannel.class.getClassLoader());

	private final HotPayloadCodec codec;

	private final TextMessage connectedMessage;

	private final Map<String, WebSocketHotChannelClient> clients = new ConcurrentHashMap<>();

	private final Map<String, List<HotChannelListener>> listeners = new ConcurrentHashMap<>();

	private final ExecutorService sendExecutor;

	/**
	 * Guards {@link #clients} against a concurrent broadcast while a browser is being
	 * registered, and {@link #bufferedMessage}: the decision "no browser is connected, keep
	 * it" and the hand-over to the next browser must not interleave.
	 */
	private final Object monitor = new Object();

	private @Nullable TextMessage bufferedMessage;

	private volatile boolean closed;

	private Duration sendTimeLimit = DEFAULT_SEND_TIME_LIMIT;

	private DataSize sendBufferSizeLimit = DEFAULT_SEND_BUFFER_SIZE_LIMIT;

	private @Nullable ApplicationEventPublisher eventPublisher;

	/**
	 * Create a new channel.
	 * @param codec the codec that writes payloads and reads browsers' messages
	 */
	public WebSocketServerHotChannel(HotPayloadCodec codec) {
		Assert.notNull(codec, "'codec' must not be null");
		this.codec = codec;
		this.connectedMessage = new TextMessage(codec.write(ConnectedPayload.INSTANCE));
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("hmr-send-");
		threadFactory.setDaemon(true);
		// A thread per browser being written to, as a cached pool, but one stays alive
		// however long the developer takes between saves: creating a thread would
		// otherwise be part of the next save's latency.
		this.sendExecutor = new ThreadPoolExecutor(1, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threadFactory);
	}

	/**
	 * Set how long a send to one browser may take before that browser is disconnected.
	 * @param sendTimeLimit the limit
	 */
	public void setSendTimeLimit(Duration sendTimeLimit) {
		Assert.notNull(sendTimeLimit, "'sendTimeLimit' must not be null");
		Assert.isTrue(!sendTimeLimit.isNegative() && !sendTimeLimit.isZero(), "'sendTimeLimit' must be positive");
		Assert.isTrue(sendTimeLimit.toMillis() <= Integer.MAX_VALUE, "'sendTimeLimit' must fit in an int of ms");
		this.sendTimeLimit = sendTimeLimit;
	}

	/**
	 * Set how much unsent data may be buffered for one browser before it is
	 * disconnected.
	 * @param sendBufferSizeLimit the limit
	 */
	public void setSendBufferSizeLimit(DataSize sendBufferSizeLimit) {
		Assert.notNull(sendBufferSizeLimit, "'sendBufferSizeLimit' must not be null");
		Assert.isTrue(sendBufferSizeLimit.toBytes() > 0, "'sendBufferSizeLimit' must be positive");
		Assert.isTrue(sendBufferSizeLimit.toBytes() <= Integer.MAX_VALUE,
				"'sendBufferSizeLimit' must fit in an int of bytes");
		this.sendBufferSizeLimit = sendBufferSizeLimit;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@Override
	public void send(HotPayload payload) {
		Assert.notNull(payload, "'payload' must not be null");
		TextMessage message = new TextMessage(this.codec.write(payload));
		synchronized (this.monitor) {
			if (this.closed) {
				logger.debug("Dropped a '" + payload.type().value() + "' payload: the HMR channel is closed");
				return;
			}
			if (this.clients.isEmpty()) {
				if (payload.type() == HotPayload.Type.ERROR || payload.type() == HotPayload.Type.FULL_RELOAD) {
					this.bufferedMessage = message;
				}
				return;
			}
			for (WebSocketHotChannelClient client : this.clients.values()) {
				client.enqueue(message);
			}
		}
	}

	@Override
	public void send(HotChannelClient client, HotPayload payload) {
		Assert.notNull(client, "'client' must not be null");
		client.send(payload);
	}

	@Override
	public Collection<HotChannelClient> clients() {
		return List.copyOf(this.clients.values());
	}

	@Override
	public void on(String event, HotChannelListener listener) {
		Assert.hasText(event, "'event' must not be empty");
		Assert.notNull(listener, "'listener' must not be null");
		this.listeners.computeIfAbsent(canonicalEvent(event), (key) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	@Override
	public void off(String event, HotChannelListener listener) {
		Assert.hasText(event, "'event' must not be empty");
		Assert.notNull(listener, "'listener' must not be null");
		List<HotChannelListener> registered = this.listeners.get(canonicalEvent(event));
		if (registered != null) {
			registered.remove(listener);
		}
	}

	/**
	 * Close every connection with {@code 1001 going away} and refuse new ones. Browsers
	 * then poll with {@code vite-ping} and reload once a server answers again.
	 */
	@Override
	public void close() {
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
		this.sendExecutor.shutdown();
	}

	/**
	 * Whether the channel still accepts connections.
	 * @return false once {@link #close()} was called
	 */
	public boolean isAccepting() {
		return !this.closed;
	}

	HotPayloadCodec codec() {
		return this.codec;
	}

	void connected(WebSocketSession session) throws IOException {
		if (this.closed) {
			session.close(CloseStatus.SERVICE_RESTARTED);
			return;
		}
		limitBlockingSendTime(session);
		session.setTextMessageSizeLimit(MAX_CLIENT_MESSAGE_SIZE);
		ConcurrentWebSocketSessionDecorator decorated = new ConcurrentWebSocketSessionDecorator(session,
				(int) this.sendTimeLimit.toMillis(), (int) this.sendBufferSizeLimit.toBytes(),
				ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
		WebSocketHotChannelClient client = new WebSocketHotChannelClient(this, decorated, this.sendExecutor);
		notifyListeners(CONNECTION, null, client);
		publish(new HotClientConnectedEvent(this, client));
		synchronized (this.monitor) {
			if (this.closed) {
				client.close(CloseStatus.SERVICE_RESTARTED);
				return;
			}
			client.enqueue(this.connectedMessage);
			if (this.bufferedMessage != null) {
				client.enqueue(this.bufferedMessage);
				this.bufferedMessage = null;
			}
			this.clients.put(session.getId(), client);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Browser connected to the HMR socket: " + client);
		}
	}

	void received(WebSocketSession session, TextMessage message) {
		WebSocketHotChannelClient client = this.clients.get(session.getId());
		if (client == null) {
			return;
		}
		Optional<CustomPayload> custom;
		try {
			custom = this.codec.readClientMessage(message.getPayload());
		}
		catch (MalformedClientMessageException ex) {
			client.reportMalformed(ex.getMessage());
			return;
		}
		if (custom.isEmpty()) {
			return;
		}
		String event = custom.get().event();
		if (!event.equals(canonicalEvent(event)) || CONNECTION.equals(event) || DISCONNECT.equals(event)) {
			client.reportMalformed("a browser may not send the server's own event '" + event + "'");
			return;
		}
		JsonNode data = (JsonNode) custom.get().data();
		notifyListeners(event, data, client);
		publish(new HotClientMessageEvent(this, client, event, data));
	}

	void receivedBinary(WebSocketSession session) {
		WebSocketHotChannelClient client = this.clients.get(session.getId());
		if (client != null) {
			client.reportMalformed("a binary frame");
		}
	}

	void disconnected(WebSocketSession session) {
		WebSocketHotChannelClient client = this.clients.get(session.getId());
		if (client != null) {
			disconnected(client);
		}
	}

	void disconnected(WebSocketHotChannelClient client) {
		if (!client.markDisconnected()) {
			return;
		}
		this.clients.remove(client.socket().id(), client);
		if (logger.isDebugEnabled()) {
			logger.debug("Browser disconnected from the HMR socket: " + client);
		}
		notifyListeners(DISCONNECT, null, client);
		publish(new HotClientDisconnectedEvent(this, client));
	}

	private void notifyListeners(String event, @Nullable JsonNode data, HotChannelClient client) {
		List<HotChannelListener> registered = this.listeners.get(event);
		if (registered == null) {
			return;
		}
		for (HotChannelListener listener : registered) {
			try {
				listener.onEvent(data, client);
			}
			catch (RuntimeException ex) {
				logger.error("HMR channel listener of '" + event + "' failed", ex);
			}
		}
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
	 * Vite has two names for each connection event; listening to either is the same.
	 */
	private static String canonicalEvent(String event) {
		if (VITE_CLIENT_CONNECT.equals(event)) {
			return CONNECTION;
		}
		if (VITE_CLIENT_DISCONNECT.equals(event)) {
			return DISCONNECT;
		}
		return event;
	}

	/**
	 * A blocking write to a browser that stopped reading would otherwise hold its sender
	 * thread for Tomcat's default of 20 seconds, whatever the send time limit.
	 */
	private void limitBlockingSendTime(WebSocketSession session) {
		if (JAKARTA_WEBSOCKET_PRESENT && session instanceof NativeWebSocketSession nativeSession) {
			StandardSessions.limitBlockingSendTime(nativeSession, this.sendTimeLimit);
		}
	}

	/**
	 * Kept apart so that the Jakarta WebSocket API is only loaded when present.
	 */
	private static final class StandardSessions {

		private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

		static void limitBlockingSendTime(NativeWebSocketSession session, Duration limit) {
			if (session.getNativeSession() instanceof jakarta.websocket.Session standardSession) {
				standardSession.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, limit.toMillis());
			}
		}

	}

}
