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
	 * Listen to an event: a custom event a browser sends with
	 * {@code import.meta.hot.send}, or {@link ServerHotChannel#CONNECTION} /
	 * {@link ServerHotChannel#DISCONNECT}.
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
