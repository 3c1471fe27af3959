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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

import dev.hmr.access.LogSafe;

/**
 * The listeners of a {@link ServerHotChannel}, by event, with Vite's two names for each
 * connection event folded into one.
 */
final class HotChannelListeners {

	private static final Log logger = LogFactory.getLog(HotChannelListeners.class);

	private final Map<String, List<HotChannelListener>> listeners = new ConcurrentHashMap<>();

	void on(String event, HotChannelListener listener) {
		Assert.hasText(event, "'event' must not be empty");
		Assert.notNull(listener, "'listener' must not be null");
		this.listeners.computeIfAbsent(canonicalEvent(event), (key) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	void off(String event, HotChannelListener listener) {
		Assert.hasText(event, "'event' must not be empty");
		Assert.notNull(listener, "'listener' must not be null");
		List<HotChannelListener> registered = this.listeners.get(canonicalEvent(event));
		if (registered != null) {
			registered.remove(listener);
		}
	}

	/**
	 * Call the listeners of an event; a listener that fails is logged and the others
	 * still run.
	 * @param event the event's canonical name
	 * @param data the data, if any
	 * @param client the browser the event is about
	 */
	void notify(String event, @Nullable JsonNode data, HotChannelClient client) {
		List<HotChannelListener> registered = this.listeners.get(event);
		if (registered == null) {
			return;
		}
		for (HotChannelListener listener : registered) {
			try {
				listener.onEvent(data, client);
			}
			catch (RuntimeException ex) {
				logger.error("HMR channel listener of " + LogSafe.quoted(event) + " failed", ex);
			}
		}
	}

	/**
	 * Whether a browser may send an event: not one of the server's connection events,
	 * under either name.
	 * @param event the event name
	 * @return true for a custom event
	 */
	static boolean isClientEvent(String event) {
		String canonical = canonicalEvent(event);
		return !ServerHotChannel.CONNECTION.equals(canonical) && !ServerHotChannel.DISCONNECT.equals(canonical);
	}

	/**
	 * Vite has two names for each connection event; listening to either is the same.
	 */
	static String canonicalEvent(String event) {
		if (ServerHotChannel.VITE_CLIENT_CONNECT.equals(event)) {
			return ServerHotChannel.CONNECTION;
		}
		if (ServerHotChannel.VITE_CLIENT_DISCONNECT.equals(event)) {
			return ServerHotChannel.DISCONNECT;
		}
		return event;
	}

}
