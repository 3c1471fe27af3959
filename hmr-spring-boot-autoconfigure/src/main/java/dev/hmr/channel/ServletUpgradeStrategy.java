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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.RequestUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Upgrades the HMR socket's handshake with the Servlet API's own HTTP upgrade
 * ({@code HttpServletRequest.upgrade}) and speaks WebSocket (RFC 6455) over the
 * connection with {@link UpgradedWebSocketSession}, instead of handing it to the
 * container's Jakarta WebSocket implementation.
 * <p>
 * Why: Tomcat's WebSocket session allocates its buffers whole for every session from
 * container-wide defaults before the endpoint can change them (a frame input buffer,
 * binary and text message buffers, an output buffer and its encoder: about 56 KB of the
 * 75 KB an idle browser cost), and encodes every message for every session. The HMR
 * socket's traffic is small JSON frames, the same frame for every browser of a broadcast:
 * an upgraded connection here keeps no buffer of its own while idle, reads into a buffer
 * only while data arrives, and writes the bytes a broadcast encoded once. The
 * application's own WebSocket endpoints keep the container's implementation and settings.
 * <p>
 * Used on Tomcat, where Spring would use Tomcat's WebSocket; elsewhere (Jetty) Spring's
 * default strategy is kept. {@code -Dhmr.container-websocket=true} keeps the container's
 * WebSocket on Tomcat too, for comparing the two in the benchmarks.
 */
final class ServletUpgradeStrategy implements RequestUpgradeStrategy {

	private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent("org.apache.catalina.connector.Request",
			ServletUpgradeStrategy.class.getClassLoader());

	private static final boolean CONTAINER_WEBSOCKET = Boolean.getBoolean("hmr.container-websocket");

	private static final String[] SUPPORTED_VERSIONS = { "13" };

	/**
	 * The handshake handler for the HMR socket: this strategy where it applies, else
	 * Spring's default, which picks the container's.
	 * @return the handshake handler
	 */
	static HandshakeHandler handshakeHandler() {
		return (TOMCAT_PRESENT && !CONTAINER_WEBSOCKET) ? new DefaultHandshakeHandler(new ServletUpgradeStrategy())
				: new DefaultHandshakeHandler();
	}

	@Override
	public String[] getSupportedVersions() {
		return SUPPORTED_VERSIONS;
	}

	@Override
	public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
		// No permessage-deflate: Vite's server (ws) has it off too, and HMR frames are
		// small
		return List.of();
	}

	@Override
	public void upgrade(ServerHttpRequest request, ServerHttpResponse response, @Nullable String selectedProtocol,
			List<WebSocketExtension> selectedExtensions, @Nullable Principal user, WebSocketHandler wsHandler,
			Map<String, Object> attributes) throws HandshakeFailureException {
		if (!(request instanceof ServletServerHttpRequest servletRequest)
				|| !(response instanceof ServletServerHttpResponse servletResponse)) {
			throw new HandshakeFailureException("Not a servlet request: " + request.getClass().getName());
		}
		String key = request.getHeaders().getFirst("Sec-WebSocket-Key");
		if (key == null) {
			throw new HandshakeFailureException("Missing Sec-WebSocket-Key");
		}
		HttpServletRequest httpRequest = servletRequest.getServletRequest();
		HttpServletResponse httpResponse = servletResponse.getServletResponse();
		httpResponse.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
		httpResponse.setHeader(HttpHeaders.UPGRADE, "websocket");
		httpResponse.setHeader(HttpHeaders.CONNECTION, "Upgrade");
		httpResponse.setHeader("Sec-WebSocket-Accept", acceptKey(key.trim()));
		if (selectedProtocol != null) {
			httpResponse.setHeader("Sec-WebSocket-Protocol", selectedProtocol);
		}
		UpgradedWebSocketSession session = new UpgradedWebSocketSession(request.getURI(),
				HttpHeaders.readOnlyHttpHeaders(request.getHeaders()), attributes, user, request.getLocalAddress(),
				request.getRemoteAddress(), selectedProtocol, wsHandler);
		try {
			httpRequest.upgrade(HotChannelUpgradeHandler.class).setSession(session);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw new HandshakeFailureException("Unable to upgrade " + request.getURI().getPath(), ex);
		}
	}

	/**
	 * The {@code Sec-WebSocket-Accept} value for a key (RFC 6455, section 4.2.2).
	 * @param key the request's {@code Sec-WebSocket-Key}
	 * @return the value
	 */
	static String acceptKey(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required of every Java platform", ex);
		}
	}

}
