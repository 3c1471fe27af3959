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
