package dev.hmr.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

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
		Assert.isTrue(protocol == null || "ws".equals(protocol) || "wss".equals(protocol),
				() -> "'protocol' must be ws, wss or null, not '" + protocol + "'");
		Assert.isTrue(host == null || !host.isBlank(), "'host' must not be blank");
		Assert.isTrue(port == null || (port > 0 && port <= 65535),
				() -> "'port' must be between 1 and 65535, not " + port);
		Assert.isTrue(socketPath != null && socketPath.startsWith("/"), "'socketPath' must start with '/'");
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		Assert.hasText(token, "'token' must not be empty");
		Assert.isTrue(base != null && base.startsWith("/") && base.endsWith("/"),
				"'base' must start and end with '/'");
	}

}
