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

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriUtils;

import dev.hmr.access.AllowedHosts;
import dev.hmr.access.LogSafe;

/**
 * The checks Vite makes before it upgrades a request to the HMR socket (the fixes of
 * CVE-2025-24010), in Vite's order:
 * <ol>
 * <li>the requested subprotocol is exactly {@code vite-hmr} or {@code vite-ping};</li>
 * <li>{@code vite-ping} is accepted from anywhere, without token: it carries no data and
 * must work before the page knows the restarted server's new token;</li>
 * <li>the {@code Host} header names an IP literal, {@code localhost}, a
 * {@code *.localhost} name or an allowed host (DNS-rebinding defence; a request without
 * {@code Host} passes);</li>
 * <li>when the request has an {@code Origin} header, as every browser's has, its
 * {@code token} query parameter equals the {@link HmrToken}. The origin itself is not
 * compared.</li>
 * </ol>
 * A refused request gets {@code 400 Bad Request} and one log line saying why.
 *
 * @since 0.1.0
 */
public class HotChannelHandshakeInterceptor implements HandshakeInterceptor {

	private static final Log logger = LogFactory.getLog(HotChannelHandshakeInterceptor.class);

	private final HmrToken token;

	private final AllowedHosts allowedHosts;

	private final BooleanSupplier accepting;

	/**
	 * Create a new interceptor for the socket a browser opens with the given settings: it
	 * checks their token, and allows their host besides the given ones.
	 * @param settings the socket's settings
	 * @param allowedHosts host names allowed besides IP literals, {@code localhost},
	 * {@code *.localhost} and the socket's own host
	 * @param accepting whether the channel accepts connections now
	 * @see #HotChannelHandshakeInterceptor(HmrToken, Collection, BooleanSupplier)
	 */
	public HotChannelHandshakeInterceptor(HmrSocketSettings settings, Collection<String> allowedHosts,
			BooleanSupplier accepting) {
		this(settings.token(), AllowedHosts.of(allowedHosts, settings.host()), accepting);
	}

	/**
	 * Create a new interceptor that refuses every request, {@code vite-ping} included,
	 * with {@code 503} while {@code accepting} says false (so that browsers keep polling
	 * until a restarted server is really back).
	 * @param token the token browsers must present
	 * @param allowedHosts host names allowed besides IP literals, {@code localhost} and
	 * {@code *.localhost}
	 * @param accepting whether the channel accepts connections now
	 */
	public HotChannelHandshakeInterceptor(HmrToken token, Collection<String> allowedHosts, BooleanSupplier accepting) {
		this(token, new AllowedHosts(allowedHosts), accepting);
	}

	/**
	 * Create a new interceptor with the same allowed hosts as the rest of the starter.
	 * @param token the token browsers must present
	 * @param allowedHosts the allowed hosts
	 * @param accepting whether the channel accepts connections now
	 */
	public HotChannelHandshakeInterceptor(HmrToken token, AllowedHosts allowedHosts, BooleanSupplier accepting) {
		Assert.notNull(token, "'token' must not be null");
		Assert.notNull(allowedHosts, "'allowedHosts' must not be null");
		Assert.notNull(accepting, "'accepting' must not be null");
		this.token = token;
		this.allowedHosts = allowedHosts;
		this.accepting = accepting;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
			Map<String, Object> attributes) {
		HttpHeaders headers = request.getHeaders();
		List<String> protocols = headers.get(WebSocketHttpHeaders.SEC_WEBSOCKET_PROTOCOL);
		String protocol = (protocols != null && protocols.size() == 1) ? protocols.get(0) : null;
		if (!HotChannelWebSocketHandler.HMR_PROTOCOL.equals(protocol)
				&& !HotChannelWebSocketHandler.PING_PROTOCOL.equals(protocol)) {
			return refuse(request, response,
					(protocols != null)
							? "subprotocol " + LogSafe.quoted(String.join(", ", protocols))
									+ " is not exactly vite-hmr or vite-ping"
							: "no subprotocol (vite-hmr or vite-ping) requested");
		}
		if (!this.accepting.getAsBoolean()) {
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			logger.debug("Refused an HMR WebSocket: the channel is closed");
			return false;
		}
		if (HotChannelWebSocketHandler.PING_PROTOCOL.equals(protocol)) {
			return true;
		}
		String host = headers.getFirst(HttpHeaders.HOST);
		if (!this.allowedHosts.isAllowed(host)) {
			return refuse(request, response,
					"Host " + LogSafe.quoted(host) + " is not allowed (add its name to hmr.allowed-hosts)");
		}
		String origin = headers.getFirst(HttpHeaders.ORIGIN);
		if (origin != null) {
			String presented = tokenOf(request.getURI());
			if (presented == null) {
				return refuse(request, response,
						"a browser request (Origin " + LogSafe.quoted(origin) + ") without token");
			}
			if (!this.token.matches(presented)) {
				return refuse(request, response, "a browser request (Origin " + LogSafe.quoted(origin)
						+ ") with a wrong token (a page served before a restart?)");
			}
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
			@Nullable Exception exception) {
	}

	private boolean refuse(ServerHttpRequest request, ServerHttpResponse response, String reason) {
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		InetSocketAddress remoteAddress = request.getRemoteAddress();
		logger.warn("Refused an HMR WebSocket"
				+ ((remoteAddress != null) ? " from " + LogSafe.of(remoteAddress.getHostString()) : "") + ": "
				+ reason);
		return false;
	}

	private static @Nullable String tokenOf(URI uri) {
		String query = uri.getRawQuery();
		if (query == null) {
			return null;
		}
		for (String parameter : query.split("&")) {
			if (parameter.startsWith("token=")) {
				try {
					return UriUtils.decode(parameter.substring("token=".length()), StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					return "";
				}
			}
		}
		return null;
	}

}
