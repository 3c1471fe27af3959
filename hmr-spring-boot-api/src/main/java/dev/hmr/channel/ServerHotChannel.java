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

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.hmr.payload.CustomPayload;
import dev.hmr.payload.HotPayload;

/**
 * The server's side of the HMR socket: broadcast to every browser or send to one, and
 * listen to what browsers send (Vite's {@code ServerHotChannel}). Inject it where you
 * need to push payloads; while HMR is inactive it is an {@link InertServerHotChannel}.
 *
 * @since 0.1.0
 */
public interface ServerHotChannel extends HotChannel {

	/** Event fired when a browser connects; listeners get no data. */
	String CONNECTION = "connection";

	/** Event fired when a browser disconnects; listeners get no data. */
	String DISCONNECT = "disconnect";

	/** Vite's name for {@link #CONNECTION}; listening to either is the same. */
	String VITE_CLIENT_CONNECT = "vite:client:connect";

	/** Vite's name for {@link #DISCONNECT}; listening to either is the same. */
	String VITE_CLIENT_DISCONNECT = "vite:client:disconnect";

	/**
	 * Send a payload to one browser.
	 * @param client the browser
	 * @param payload the payload
	 */
	default void send(HotChannelClient client, HotPayload payload) {
		Assert.notNull(client, "'client' must not be null");
		client.send(payload);
	}

	/**
	 * Send a custom event to every browser.
	 * @param event the event name
	 * @param data the data, or {@code null}
	 */
	default void send(String event, @Nullable Object data) {
		send(new CustomPayload(event, data));
	}

	/**
	 * The browsers connected now.
	 * @return a snapshot of the clients
	 */
	Collection<HotChannelClient> clients();

	/**
	 * Close every connection and stop accepting new ones.
	 */
	void close();

}
