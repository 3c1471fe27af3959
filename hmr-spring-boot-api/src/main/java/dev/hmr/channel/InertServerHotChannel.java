package dev.hmr.channel;

import java.util.Collection;
import java.util.List;

import org.springframework.util.Assert;

import dev.hmr.payload.HotPayload;

/**
 * The {@link ServerHotChannel} while HMR is inactive (a packaged application, tests,
 * {@code hmr.enabled=false}): no browser ever connects, so sends do nothing, there are no
 * {@link #clients() clients}, and listeners are accepted but never called. It holds
 * nothing and starts no thread.
 *
 * @since 0.1.0
 */
public final class InertServerHotChannel implements ServerHotChannel {

	@Override
	public void send(HotPayload payload) {
		Assert.notNull(payload, "'payload' must not be null");
	}

	@Override
	public void send(HotChannelClient client, HotPayload payload) {
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
	}

	@Override
	public Collection<HotChannelClient> clients() {
		return List.of();
	}

	@Override
	public void on(String event, HotChannelListener listener) {
		Assert.hasText(event, "'event' must not be empty");
		Assert.notNull(listener, "'listener' must not be null");
	}

	@Override
	public void off(String event, HotChannelListener listener) {
		Assert.hasText(event, "'event' must not be empty");
		Assert.notNull(listener, "'listener' must not be null");
	}

	@Override
	public void close() {
	}

	@Override
	public String toString() {
		return "InertServerHotChannel";
	}

}
