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

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * A browser sent a custom message ({@code import.meta.hot.send(event, data)}, or Vite's
 * own such as {@code vite:invalidate}).
 *
 * @since 0.1.0
 */
public class HotClientMessageEvent extends HotClientEvent {

	private final String event;

	private final @Nullable JsonNode data;

	/**
	 * Create a new event.
	 * @param channel the channel the message came in on
	 * @param client the browser that sent it
	 * @param event the custom event's name
	 * @param data the message's data, or {@code null} when it had none
	 */
	public HotClientMessageEvent(ServerHotChannel channel, HotChannelClient client, String event,
			@Nullable JsonNode data) {
		super(channel, client);
		Assert.hasText(event, "'event' must not be empty");
		this.event = event;
		this.data = data;
	}

	/**
	 * The custom event's name, such as {@code vite:invalidate}.
	 * @return the name
	 */
	public String getEvent() {
		return this.event;
	}

	/**
	 * The message's data, shared with the channel's listeners: read it, do not change it.
	 * @return the data, or {@code null} when the browser sent none
	 */
	public @Nullable JsonNode getData() {
		return this.data;
	}

}
