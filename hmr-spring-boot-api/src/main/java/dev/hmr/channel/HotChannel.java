package dev.hmr.channel;

import dev.hmr.payload.HotPayload;

/**
 * A channel that carries {@link HotPayload payloads} to browsers and custom messages from
 * them (Vite's {@code HotChannel}).
 *
 * @since 0.1.0
 */
public interface HotChannel {

	/**
	 * Send a payload to every connected browser.
	 * @param payload the payload
	 */
	void send(HotPayload payload);

	/**
	 * Listen to an event: a custom event a browser sends with {@code import.meta.hot.send},
	 * or {@link ServerHotChannel#CONNECTION} / {@link ServerHotChannel#DISCONNECT}.
	 * @param event the event name
	 * @param listener the listener
	 */
	void on(String event, HotChannelListener listener);

	/**
	 * Stop listening.
	 * @param event the event name
	 * @param listener a listener given to {@link #on}
	 */
	void off(String event, HotChannelListener listener);

}
