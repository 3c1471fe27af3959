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

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * Something a browser on the HMR socket did, published as an application event so that
 * beans can react with {@code @EventListener}.
 *
 * @since 0.1.0
 */
public abstract class HotClientEvent extends ApplicationEvent {

	private final HotChannelClient client;

	/**
	 * Create a new event.
	 * @param channel the channel the browser is connected to
	 * @param client the browser
	 */
	protected HotClientEvent(ServerHotChannel channel, HotChannelClient client) {
		super(channel);
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
	}

	/**
	 * The channel the browser is connected to.
	 * @return the channel
	 */
	public ServerHotChannel getChannel() {
		return (ServerHotChannel) getSource();
	}

	/**
	 * The browser.
	 * @return the client
	 */
	public HotChannelClient getClient() {
		return this.client;
	}

}
