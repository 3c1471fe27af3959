package dev.hmr.channel;

/**
 * A browser's HMR socket closed, whichever side closed it (Vite's
 * {@code vite:client:disconnect}).
 *
 * @since 0.1.0
 */
public class HotClientDisconnectedEvent extends HotClientEvent {

	/**
	 * Create a new event.
	 * @param channel the channel the browser was connected to
	 * @param client the browser
	 */
	public HotClientDisconnectedEvent(ServerHotChannel channel, HotChannelClient client) {
		super(channel, client);
	}

}
