package dev.hmr.channel;

import org.jspecify.annotations.Nullable;

import dev.hmr.payload.CustomPayload;
import dev.hmr.payload.HotPayload;

/**
 * One connected browser (Vite's {@code HotChannelClient}).
 *
 * @since 0.1.0
 */
public interface HotChannelClient {

	/**
	 * Send a payload to this browser only.
	 * @param payload the payload
	 */
	void send(HotPayload payload);

	/**
	 * Send a custom event to this browser only.
	 * @param event the event name
	 * @param data the data, or {@code null}
	 */
	default void send(String event, @Nullable Object data) {
		send(new CustomPayload(event, data));
	}

	/**
	 * Close the connection.
	 */
	void close();

	/**
	 * Whether the connection is open.
	 * @return true while open
	 */
	boolean isOpen();

	/**
	 * What identifies the connection.
	 * @return the socket handle
	 */
	HotChannelSocket socket();

}
