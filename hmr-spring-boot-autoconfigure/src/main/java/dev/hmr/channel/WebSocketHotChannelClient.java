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
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.util.UriComponentsBuilder;

import dev.hmr.access.LogSafe;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.HotPayloadCodec;

/**
 * One browser on a {@link WebSocketServerHotChannel}, made by
 * {@link WebSocketHotChannelClientFactory}.
 * <p>
 * Sends never block the caller: messages are queued and written in order. Where the
 * container has a non-blocking send ({@link AsyncTextSender}: Tomcat, Undertow), the
 * sending thread hands each message to it and the next one follows from the previous
 * one's outcome, with no thread of ours; a browser with more than the buffer limit
 * waiting, or a message not written within the send time limit, is cut off. Elsewhere
 * messages are handed to the session's {@link ConcurrentWebSocketSessionDecorator} on a
 * sender thread, the next as soon as the decorator has buffered the previous one (its
 * message callback), not when it has been written, so that a browser that stops reading
 * fills the decorator's buffer, which the decorator's limits then cut off.
 */
final class WebSocketHotChannelClient implements HotChannelClient {

	private static final Log logger = LogFactory.getLog(WebSocketHotChannelClient.class);

	private final WebSocketSession session;

	private final @Nullable ConcurrentWebSocketSessionDecorator decorator;

	private final @Nullable AsyncTextSender asyncSender;

	private final long sendBufferSizeLimit;

	/** The characters queued or being written, on the non-blocking path. */
	private final AtomicLong queuedBytes = new AtomicLong();

	private final HotPayloadCodec codec;

	private final Executor sendExecutor;

	private final Consumer<WebSocketHotChannelClient> onClose;

	private final HotChannelSocket socket;

	private final HotChannelActivity activity;

	private final Instant connectedAt = Instant.now();

	private final Queue<Outgoing> pending = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean handingOver = new AtomicBoolean();

	private final AtomicBoolean malformedReported = new AtomicBoolean();

	private final AtomicBoolean disconnected = new AtomicBoolean();

	/**
	 * When the message being written was handed to the container
	 * ({@link System#nanoTime}), or 0 while none is, on the non-blocking path.
	 */
	private volatile long writingSince;

	private final int maxMessageSize;

	/**
	 * The parts of a text message received so far; {@code null} between messages. The
	 * container hands one session's parts over one at a time.
	 */
	private @Nullable StringBuilder partialText;

	/**
	 * Whether the message being received is past the limit, its remaining parts dropped.
	 */
	private boolean oversize;

	/**
	 * A client writing through the session's decorator on sender threads.
	 */
	WebSocketHotChannelClient(ConcurrentWebSocketSessionDecorator session, HotPayloadCodec codec, Executor sendExecutor,
			Consumer<WebSocketHotChannelClient> onClose, int maxMessageSize, HotChannelActivity activity) {
		this(session, session, null, 0, codec, sendExecutor, onClose, maxMessageSize, activity);
		session.setMessageCallback((message) -> {
			this.handingOver.set(false);
			scheduleHandOver();
		});
	}

	/**
	 * A client writing with the container's non-blocking send.
	 */
	WebSocketHotChannelClient(WebSocketSession session, AsyncTextSender asyncSender, long sendBufferSizeLimit,
			HotPayloadCodec codec, Executor sendExecutor, Consumer<WebSocketHotChannelClient> onClose,
			int maxMessageSize, HotChannelActivity activity) {
		this(session, null, asyncSender, sendBufferSizeLimit, codec, sendExecutor, onClose, maxMessageSize, activity);
	}

	private WebSocketHotChannelClient(WebSocketSession session, @Nullable ConcurrentWebSocketSessionDecorator decorator,
			@Nullable AsyncTextSender asyncSender, long sendBufferSizeLimit, HotPayloadCodec codec,
			Executor sendExecutor, Consumer<WebSocketHotChannelClient> onClose, int maxMessageSize,
			HotChannelActivity activity) {
		this.decorator = decorator;
		this.asyncSender = asyncSender;
		this.sendBufferSizeLimit = sendBufferSizeLimit;
		this.maxMessageSize = maxMessageSize;
		this.activity = activity;
		this.session = session;
		this.codec = codec;
		this.sendExecutor = sendExecutor;
		this.onClose = onClose;
		this.socket = new HotChannelSocket(session.getId(), session.getRemoteAddress(), withoutToken(session.getUri()),
				withoutNullValues(session.getAttributes()));
	}

	@Override
	public void send(HotPayload payload) {
		if (payload instanceof ErrorPayload error) {
			this.activity.errorSent(error.err());
		}
		enqueue(textMessage(this.codec.write(payload)), payload.type());
	}

	@Override
	public void close() {
		close(CloseStatus.NORMAL);
	}

	@Override
	public boolean isOpen() {
		return !this.disconnected.get() && this.session.isOpen();
	}

	@Override
	public HotChannelSocket socket() {
		return this.socket;
	}

	/**
	 * A message of a payload's JSON, encoded once: a {@link TextMessage} made from a
	 * string encodes it again for every {@link TextMessage#getPayloadLength()}, which the
	 * buffer accounting asks for every browser of a broadcast, twice; one made from its
	 * bytes keeps them.
	 * @param json the payload's JSON
	 * @return the message
	 */
	static TextMessage textMessage(String json) {
		return new TextMessage(json.getBytes(StandardCharsets.UTF_8));
	}

	void enqueue(TextMessage message, HotPayload.Type type) {
		if (!isOpen()) {
			return;
		}
		if (this.asyncSender != null
				&& this.queuedBytes.addAndGet(message.getPayloadLength()) > this.sendBufferSizeLimit) {
			cutOff("more than " + this.sendBufferSizeLimit + " bytes wait to be sent to it");
			return;
		}
		this.pending.add(new Outgoing(message, type));
		scheduleHandOver();
	}

	/**
	 * This browser as the Actuator endpoint shows it.
	 * @return its socket's id and address, when it connected, and what waits to be
	 * written to it
	 */
	HotChannelConnection connection() {
		if (this.decorator == null) {
			return new HotChannelConnection(this.socket.id(), this.socket.remoteAddress(), this.connectedAt,
					Math.max(0, this.queuedBytes.get()));
		}
		long queued = this.decorator.getBufferSize();
		for (Outgoing outgoing : this.pending) {
			queued += outgoing.message().getPayloadLength();
		}
		return new HotChannelConnection(this.socket.id(), this.socket.remoteAddress(), this.connectedAt, queued);
	}

	void close(CloseStatus status) {
		this.pending.clear();
		try {
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Failed to close " + this, ex);
		}
		this.onClose.accept(this);
	}

	/**
	 * Put a text message together from the parts the container hands over, as Vite's
	 * server, which accepts large messages, reads them: a message longer than the limit
	 * ({@code hmr.max-message-size}, in characters) is dropped and reported, and the
	 * socket stays open.
	 * @param part the next part
	 * @return the whole message once its last part arrived, else {@code null}
	 */
	@Nullable String assemble(TextMessage part) {
		String text = part.getPayload();
		if (!this.oversize) {
			int received = (this.partialText != null) ? this.partialText.length() : 0;
			if ((long) received + text.length() > this.maxMessageSize) {
				this.oversize = true;
				this.partialText = null;
			}
			else if (part.isLast() && this.partialText == null) {
				return text;
			}
			else {
				if (this.partialText == null) {
					this.partialText = new StringBuilder(Math.min(this.maxMessageSize, 2 * text.length()));
				}
				this.partialText.append(text);
			}
		}
		if (!part.isLast()) {
			return null;
		}
		if (this.oversize) {
			this.oversize = false;
			reportMalformed("a message of more than " + this.maxMessageSize
					+ " characters (hmr.max-message-size); the socket stays open");
			return null;
		}
		String whole = (this.partialText != null) ? this.partialText.toString() : text;
		this.partialText = null;
		return whole;
	}

	void reportMalformed(@Nullable String reason) {
		String message = "Ignored a frame from " + this + " that is not a Vite HMR message: " + LogSafe.of(reason);
		if (this.malformedReported.compareAndSet(false, true)) {
			logger.warn(message + " (further ones from this browser are logged at DEBUG)");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message);
		}
	}

	/**
	 * Mark the browser gone.
	 * @return true the first time only
	 */
	boolean markDisconnected() {
		return this.disconnected.compareAndSet(false, true);
	}

	private void scheduleHandOver() {
		if (this.asyncSender != null) {
			writeNext(this.asyncSender);
			return;
		}
		if (!this.pending.isEmpty() && this.handingOver.compareAndSet(false, true)) {
			try {
				this.sendExecutor.execute(this::handOver);
			}
			catch (RejectedExecutionException ex) {
				this.handingOver.set(false);
				this.pending.clear();
			}
		}
	}

	private void handOver() {
		Outgoing outgoing = this.pending.poll();
		if (outgoing == null) {
			this.handingOver.set(false);
			scheduleHandOver();
			return;
		}
		try {
			// Returns at once when another sender thread is writing, else writes (and
			// blocks) until the decorator's buffer is empty
			this.session.sendMessage(outgoing.message());
			this.activity.payloadSent(outgoing.type());
		}
		catch (SessionLimitExceededException ex) {
			logger.warn("Disconnecting " + this + ", it does not keep up with HMR payloads: " + ex.getMessage());
			this.activity.slowClientCutOff();
			close(ex.getStatus());
		}
		catch (IOException | RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Disconnecting " + this + ", a send failed", ex);
			}
			close(CloseStatus.SESSION_NOT_RELIABLE);
		}
		finally {
			if (!isOpen()) {
				// the decorator drops messages once closing, without calling back
				this.pending.clear();
			}
		}
	}

	/**
	 * Hand the next queued message to the container, unless one is being written: its
	 * outcome hands over the next. An outcome reported while the container's send is
	 * still on the stack (the socket took the whole message) is taken by this loop, so a
	 * long queue does not nest one send in another's callback.
	 */
	private void writeNext(AsyncTextSender sender) {
		while (!this.pending.isEmpty() && this.handingOver.compareAndSet(false, true)) {
			Outgoing outgoing = this.pending.poll();
			if (outgoing == null) {
				this.handingOver.set(false);
				continue;
			}
			Attempt attempt = new Attempt();
			this.writingSince = writeClock();
			try {
				sender.sendText(outgoing.message(), (failure) -> {
					if (!attempt.reportedInline(failure)) {
						if (written(outgoing, failure)) {
							writeNext(sender);
						}
					}
				});
			}
			catch (RuntimeException ex) {
				attempt.reportedInline(ex);
			}
			if (!attempt.callReturned() || !written(outgoing, attempt.failure)) {
				return;
			}
		}
	}

	/**
	 * Account for a message's outcome.
	 * @return whether the next message may be written
	 */
	private boolean written(Outgoing outgoing, @Nullable Throwable failure) {
		this.writingSince = 0;
		this.queuedBytes.addAndGet(-outgoing.message().getPayloadLength());
		if (failure == null) {
			this.activity.payloadSent(outgoing.type());
			this.handingOver.set(false);
			return true;
		}
		if (failure instanceof SocketTimeoutException) {
			cutOff("a message was not written within the send time limit");
		}
		else {
			if (logger.isDebugEnabled()) {
				logger.debug("Disconnecting " + this + ", a send failed", failure);
			}
			close(CloseStatus.SESSION_NOT_RELIABLE);
		}
		return false;
	}

	/**
	 * Disconnect this browser if the message being written to it was handed to the
	 * container longer than the send time limit ago; called by the factory's timer.
	 * @param now the time now ({@link System#nanoTime})
	 * @param limitNanos the send time limit
	 */
	void checkSendTime(long now, long limitNanos) {
		long since = this.writingSince;
		if (since != 0 && now - since > limitNanos) {
			cutOff("a message was not written within the send time limit");
		}
	}

	/** The time now, never 0 (which means no write in progress). */
	private static long writeClock() {
		long now = System.nanoTime();
		return (now != 0) ? now : 1;
	}

	private void cutOff(String reason) {
		if (this.disconnected.get()) {
			return;
		}
		logger.warn("Disconnecting " + this + ", it does not keep up with HMR payloads: " + reason);
		this.activity.slowClientCutOff();
		close(CloseStatus.SESSION_NOT_RELIABLE);
	}

	@Override
	public String toString() {
		InetSocketAddress remoteAddress = this.socket.remoteAddress();
		return "browser " + this.socket.id() + ((remoteAddress != null)
				? " at " + LogSafe.of(remoteAddress.getHostString()) + ":" + remoteAddress.getPort() : "");
	}

	/**
	 * The upgrade URI as listeners see it: the token is a secret and stays out of logs.
	 */
	private static @Nullable URI withoutToken(@Nullable URI uri) {
		if (uri == null || uri.getRawQuery() == null) {
			return uri;
		}
		try {
			return UriComponentsBuilder.fromUri(uri).replaceQueryParam("token").build(true).toUri();
		}
		catch (IllegalArgumentException ex) {
			return UriComponentsBuilder.fromUri(uri).replaceQuery(null).build(true).toUri();
		}
	}

	/**
	 * One message handed to the container: whether its outcome came before the send
	 * returned, and which.
	 */
	private static final class Attempt {

		private boolean calling = true;

		private boolean done;

		private @Nullable Throwable failure;

		/**
		 * @return true if the send is still on the stack, which then takes the outcome
		 */
		synchronized boolean reportedInline(@Nullable Throwable failure) {
			if (!this.calling) {
				return false;
			}
			this.done = true;
			this.failure = failure;
			return true;
		}

		/**
		 * @return true if the outcome was reported before the send returned
		 */
		synchronized boolean callReturned() {
			this.calling = false;
			return this.done;
		}

	}

	/**
	 * A message waiting for the sender thread, with the type it is counted as once sent.
	 */
	private record Outgoing(TextMessage message, HotPayload.Type type) {

	}

	private static Map<String, Object> withoutNullValues(Map<String, Object> attributes) {
		Map<String, Object> copy = new LinkedHashMap<>();
		attributes.forEach((key, value) -> {
			if (value != null) {
				copy.put(key, value);
			}
		});
		return copy;
	}

}
