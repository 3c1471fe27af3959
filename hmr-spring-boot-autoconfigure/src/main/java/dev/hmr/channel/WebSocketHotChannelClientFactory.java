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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.websocket.Session;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import dev.hmr.payload.HotPayloadCodec;

/**
 * Makes a {@link WebSocketHotChannelClient} of a browser's session: limits what the
 * browser may send, bounds what is sent to it with a
 * {@link ConcurrentWebSocketSessionDecorator}, and owns the sender threads.
 */
final class WebSocketHotChannelClientFactory {

	private static final boolean JAKARTA_WEBSOCKET_PRESENT = ClassUtils.isPresent("jakarta.websocket.Session",
			WebSocketHotChannelClientFactory.class.getClassLoader());

	/**
	 * {@code -Dhmr.blocking-sends=true} writes through the decorator on sender threads
	 * everywhere: for comparing the two paths in the benchmarks.
	 */
	private static final boolean ASYNC_SENDS = !Boolean.getBoolean("hmr.blocking-sends");

	private final HotPayloadCodec codec;

	private final Duration sendTimeLimit;

	private final DataSize sendBufferSizeLimit;

	private final int maxMessageSize;

	private final ExecutorService sendExecutor;

	private final HotChannelActivity activity;

	/**
	 * The clients on the non-blocking path, whose send time limit {@link #timer} keeps.
	 */
	private final Set<WebSocketHotChannelClient> timed = ConcurrentHashMap.newKeySet();

	private final ScheduledThreadPoolExecutor timer;

	private final long sweepPeriodMillis;

	/**
	 * The timer's periodic look at {@link #timed}, while there are any; guarded by it.
	 */
	private @Nullable ScheduledFuture<?> sweep;

	WebSocketHotChannelClientFactory(HotPayloadCodec codec, Duration sendTimeLimit, DataSize sendBufferSizeLimit,
			DataSize maxMessageSize, HotChannelActivity activity) {
		this.codec = codec;
		this.activity = activity;
		this.sendTimeLimit = sendTimeLimit;
		this.sendBufferSizeLimit = sendBufferSizeLimit;
		this.maxMessageSize = Math.toIntExact(maxMessageSize.toBytes());
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("hmr-send-");
		threadFactory.setDaemon(true);
		// A thread per browser being written to, as a cached pool, but one stays alive
		// however long the developer takes between saves: creating a thread would
		// otherwise be part of the next save's latency.
		this.sendExecutor = new ThreadPoolExecutor(1, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threadFactory);
		CustomizableThreadFactory timerThreadFactory = new CustomizableThreadFactory("hmr-send-timer-");
		timerThreadFactory.setDaemon(true);
		this.timer = new ScheduledThreadPoolExecutor(1, timerThreadFactory);
		this.timer.setRemoveOnCancelPolicy(true);
		this.timer.setKeepAliveTime(60, TimeUnit.SECONDS);
		this.timer.allowCoreThreadTimeOut(true);
		// As often as Tomcat's own write timeout looked (once a second), more often for a
		// short limit: a write is cut off between the limit and the limit plus a period
		this.sweepPeriodMillis = Math.max(10, Math.min(1000, sendTimeLimit.toMillis() / 4));
	}

	/**
	 * Make the client of a browser's session.
	 * @param session the session
	 * @param onClose called once the client closed its session
	 * @return the client
	 */
	WebSocketHotChannelClient create(WebSocketSession session, Consumer<WebSocketHotChannelClient> onClose) {
		// The container's message buffers keep their small default: it allocates them
		// whole for every session, and messages arrive in parts that the client puts
		// together up to maxMessageSize
		AsyncTextSender asyncSender = asyncSender(session);
		if (asyncSender != null) {
			WebSocketHotChannelClient client = new WebSocketHotChannelClient(session, asyncSender,
					this.sendBufferSizeLimit.toBytes(), this.codec, this.sendExecutor, onClose, this.maxMessageSize,
					this.activity);
			watchSendTime(client);
			return client;
		}
		configureSession(session);
		ConcurrentWebSocketSessionDecorator decorated = new ConcurrentWebSocketSessionDecorator(session,
				Math.toIntExact(this.sendTimeLimit.toMillis()), Math.toIntExact(this.sendBufferSizeLimit.toBytes()),
				ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
		return new WebSocketHotChannelClient(decorated, this.codec, this.sendExecutor, onClose, this.maxMessageSize,
				this.activity);
	}

	/**
	 * Keep the send time limit of a client on the container's non-blocking path: the
	 * timer looks at its write in progress every {@link #sweepPeriodMillis} while such
	 * clients are open.
	 */
	private void watchSendTime(WebSocketHotChannelClient client) {
		synchronized (this.timed) {
			this.timed.add(client);
			if (this.sweep == null && !this.timer.isShutdown()) {
				this.sweep = this.timer.scheduleWithFixedDelay(this::sweep, this.sweepPeriodMillis,
						this.sweepPeriodMillis, TimeUnit.MILLISECONDS);
			}
		}
	}

	private void sweep() {
		long now = System.nanoTime();
		long limit = this.sendTimeLimit.toNanos();
		for (WebSocketHotChannelClient client : this.timed) {
			if (client.isOpen()) {
				client.checkSendTime(now, limit);
			}
			else {
				this.timed.remove(client);
			}
		}
		synchronized (this.timed) {
			if (this.timed.isEmpty() && this.sweep != null) {
				this.sweep.cancel(false);
				this.sweep = null;
			}
		}
	}

	/**
	 * Stop the sender threads once their sends are done, and the send timer.
	 */
	void shutdown() {
		this.sendExecutor.shutdown();
		this.timer.shutdownNow();
	}

	boolean isShutdown() {
		return this.sendExecutor.isShutdown();
	}

	/**
	 * The container's non-blocking send, where the session is a Jakarta WebSocket one
	 * (Tomcat, Undertow); {@code null} elsewhere.
	 */
	private @Nullable AsyncTextSender asyncSender(WebSocketSession session) {
		if (ASYNC_SENDS && session instanceof UpgradedWebSocketSession upgraded) {
			return upgraded::sendText;
		}
		if (ASYNC_SENDS && JAKARTA_WEBSOCKET_PRESENT && session instanceof NativeWebSocketSession nativeSession) {
			return StandardSessions.asyncSender(nativeSession);
		}
		return null;
	}

	/**
	 * A blocking write to a browser that stopped reading would otherwise hold its sender
	 * thread for Tomcat's default of 20 seconds (and the starter's own session's),
	 * whatever the send time limit; Jetty's sessions get their message size limit lifted.
	 */
	private void configureSession(WebSocketSession session) {
		if (session instanceof UpgradedWebSocketSession upgraded) {
			upgraded.setBlockingSendTimeout(this.sendTimeLimit);
			return;
		}
		if (!(session instanceof NativeWebSocketSession nativeSession)) {
			return;
		}
		Object nativeObject = nativeSession.getNativeSession();
		if (nativeObject != null && nativeObject.getClass().getName().startsWith(JettySessions.JETTY_PACKAGE)) {
			JettySessions.configure(nativeObject);
		}
		else if (JAKARTA_WEBSOCKET_PRESENT) {
			StandardSessions.limitBlockingSendTime(nativeSession, this.sendTimeLimit);
		}
	}

	/**
	 * Kept apart so that the Jakarta WebSocket API is only loaded when present.
	 */
	private static final class StandardSessions {

		private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

		static @Nullable AsyncTextSender asyncSender(NativeWebSocketSession session) {
			return (session.getNativeSession() instanceof Session standardSession) ? AsyncTextSender.of(standardSession)
					: null;
		}

		static void limitBlockingSendTime(NativeWebSocketSession session, Duration limit) {
			if (session.getNativeSession() instanceof Session standardSession) {
				standardSession.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, limit.toMillis());
			}
		}

	}

	/**
	 * Jetty's sessions (Spring's Jetty upgrade strategy): a message longer than the
	 * session's message size limit (64 KB) closes the socket, even one received in parts;
	 * lifted, so that the client puts the parts together up to
	 * {@code hmr.max-message-size} and ignores a longer message, as on Tomcat. Jetty has
	 * no limit of a blocking send's time short of its idle timeout, so there a browser
	 * that stops reading is not cut off after {@code hmr.send-time-limit} (see the
	 * README). Called reflectively so that Jetty's WebSocket API is not needed to
	 * compile.
	 */
	private static final class JettySessions {

		static final String JETTY_PACKAGE = "org.eclipse.jetty.";

		private static final Log logger = LogFactory.getLog(JettySessions.class);

		static void configure(Object session) {
			try {
				session.getClass()
					.getMethod("setMaxTextMessageSize", long.class)
					.invoke(session, (long) Integer.MAX_VALUE);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				logger.warn("Unable to lift the message size limit of Jetty's WebSocket session", ex);
			}
		}

	}

}
