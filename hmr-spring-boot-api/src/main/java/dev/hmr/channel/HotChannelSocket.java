package dev.hmr.channel;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What identifies a browser's connection: its id, where it came from and what the
 * handshake recorded.
 *
 * @param id the connection's id, unique within the process
 * @param remoteAddress the browser's address, if known
 * @param uri the URI of the upgrade request
 * @param attributes the handshake attributes (read only)
 * @since 0.1.0
 */
public record HotChannelSocket(String id, @Nullable InetSocketAddress remoteAddress, @Nullable URI uri,
		Map<String, Object> attributes) {

	public HotChannelSocket {
		attributes = Map.copyOf(attributes);
	}

}
