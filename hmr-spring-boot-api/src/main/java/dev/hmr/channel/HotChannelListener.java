package dev.hmr.channel;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Receives an event of a {@link HotChannel}: Vite's {@code (data, client) => void}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface HotChannelListener {

	/**
	 * Handle an event.
	 * @param data the message's {@code data}, absent for connection events and when the
	 * browser sent none
	 * @param client the browser it came from
	 */
	void onEvent(@Nullable JsonNode data, HotChannelClient client);

}
