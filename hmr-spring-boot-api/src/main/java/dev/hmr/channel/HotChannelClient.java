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
