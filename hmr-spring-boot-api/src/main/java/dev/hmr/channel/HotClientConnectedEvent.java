package dev.hmr.channel;

/**
 * A browser opened the HMR socket (Vite's {@code vite:client:connect}). Published before
 * the browser is sent {@code connected}.
 *
 * @since 0.1.0
 */
public class HotClientConnectedEvent extends HotClientEvent {

	/**
	 * Create a new event.
	 * @param channel the channel the browser connected to
	 * @param client the browser
	 */
	public HotClientConnectedEvent(ServerHotChannel channel, HotChannelClient client) {
		super(channel, client);
	}

}
