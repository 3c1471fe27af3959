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

package dev.hmr.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.hmr.channel.HmrSocketSettings;

/**
 * The settings written into the browser client when it is served. Unset socket protocol,
 * host and port make the browser use those of the address it loaded the client from.
 *
 * @param protocol {@code ws} or {@code wss} for the HMR socket, or {@code null} for
 * {@code wss} on https pages and {@code ws} otherwise
 * @param host host name of the HMR socket, or {@code null} for the page's own
 * @param port port of the HMR socket, or {@code null} for the page's own
 * @param socketPath path of the HMR socket, such as {@code /@hmr}
 * @param timeout interval of the browser's keep-alive pings
 * @param overlay whether server errors show the error overlay (else the console)
 * @param token the per-process token the socket handshake checks
 * @param base the public base path of the application's modules, {@code /} unless the
 * application runs under a context path
 * @since 0.1.0
 */
public record HmrClientSettings(@Nullable String protocol, @Nullable String host, @Nullable Integer port,
		String socketPath, Duration timeout, boolean overlay, String token, String base) {

	public HmrClientSettings {
		Assert.notNull(socketPath, "'socketPath' must not be null");
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.hasText(token, "'token' must not be empty");
		Assert.isTrue(base != null && base.startsWith("/") && base.endsWith("/"), "'base' must start and end with '/'");
	}

	/**
	 * The settings of a client that opens the socket described by the given settings.
	 * @param socket the socket's settings
	 * @param overlay whether server errors show the error overlay
	 * @param base the public base path of the application's modules
	 * @return the client's settings
	 */
	public static HmrClientSettings from(HmrSocketSettings socket, boolean overlay, String base) {
		Assert.notNull(socket, "'socket' must not be null");
		return new HmrClientSettings(socket.protocol(), socket.host(), socket.browserPort(), socket.path(),
				socket.timeout(), overlay, socket.token().value(), base);
	}

}
