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

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeHandler;

/**
 * The WebSocket endpoint Vite's browser client connects to. It declares Vite's two
 * subprotocols so that the handshake echoes the one requested (browsers refuse the socket
 * otherwise): {@code vite-hmr} sockets join the channel that
 * {@link WebSocketServerHotChannel#createWebSocketHandler() created} the handler;
 * {@code vite-ping} sockets, which a browser opens to learn whether a restarted server is
 * back, are closed with {@code 1000} as soon as they open.
 *
 * @since 0.1.0
 * @see HotChannelHandshakeInterceptor
 */
public class HotChannelWebSocketHandler implements WebSocketHandler, SubProtocolCapable {

	/**
	 * The subprotocol of the HMR socket.
	 */
	public static final String HMR_PROTOCOL = "vite-hmr";

	/**
	 * The subprotocol a browser uses to poll for a restarted server.
	 */
	public static final String PING_PROTOCOL = "vite-ping";

	private static final Log logger = LogFactory.getLog(HotChannelWebSocketHandler.class);

	private final HotChannelSessions channel;

	HotChannelWebSocketHandler(HotChannelSessions channel) {
		Assert.notNull(channel, "'channel' must not be null");
		this.channel = channel;
	}

	/**
	 * The handshake handler for this endpoint: on Tomcat the socket is upgraded with the
	 * Servlet API and spoken by the starter, whose idle sessions hold no buffers, instead
	 * of by Tomcat's WebSocket implementation, which allocates about 56 KB of buffers for
	 * every session; elsewhere Spring's default, the container's WebSocket.
	 * @return a new handshake handler
	 * @since 0.1.0
	 */
	public HandshakeHandler createHandshakeHandler() {
		return ServletUpgradeStrategy.handshakeHandler();
	}

	@Override
	public List<String> getSubProtocols() {
		return List.of(HMR_PROTOCOL, PING_PROTOCOL);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		String protocol = session.getAcceptedProtocol();
		if (PING_PROTOCOL.equals(protocol)) {
			session.close(CloseStatus.NORMAL);
		}
		else if (HMR_PROTOCOL.equals(protocol)) {
			this.channel.connected(session);
		}
		else {
			// Only without HotChannelHandshakeInterceptor, which refuses these
			session.close(CloseStatus.PROTOCOL_ERROR.withReason("subprotocol vite-hmr or vite-ping required"));
		}
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		if (message instanceof TextMessage textMessage) {
			this.channel.received(session, textMessage);
		}
		else if (message instanceof BinaryMessage binaryMessage && binaryMessage.isLast()) {
			this.channel.receivedBinary(session);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		if (logger.isDebugEnabled()) {
			logger.debug("Transport error on HMR socket " + session.getId(), exception);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
		this.channel.disconnected(session);
	}

	@Override
	public boolean supportsPartialMessages() {
		// Whole messages would need container buffers as large as the largest message,
		// allocated for every session; parts are put together up to hmr.max-message-size
		return true;
	}

}
