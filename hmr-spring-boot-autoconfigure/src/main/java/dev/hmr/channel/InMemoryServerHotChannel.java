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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

import dev.hmr.payload.HotPayload;

/**
 * A {@link ServerHotChannel} without a socket, for tests and for running the engine where
 * no browser is: it records what is sent to it, and plays a browser's side with
 * {@link #connect()} and {@link #receive(HotChannelClient, String, JsonNode)}.
 *
 * @since 0.1.0
 */
public final class InMemoryServerHotChannel implements ServerHotChannel {

	private final Queue<HotPayload> sent = new ConcurrentLinkedQueue<>();

	private final Map<String, Client> clients = new ConcurrentHashMap<>();

	private final HotChannelListeners listeners = new HotChannelListeners();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile boolean closed;

	@Override
	public void send(HotPayload payload) {
		Assert.notNull(payload, "'payload' must not be null");
		if (!this.closed) {
			this.sent.add(payload);
		}
	}

	@Override
	public Collection<HotChannelClient> clients() {
		return List.copyOf(this.clients.values());
	}

	@Override
	public void on(String event, HotChannelListener listener) {
		this.listeners.on(event, listener);
	}

	@Override
	public void off(String event, HotChannelListener listener) {
		this.listeners.off(event, listener);
	}

	/**
	 * Disconnect every client and drop what is sent from now on.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.clients.values().forEach(Client::close);
	}

	/**
	 * The payloads broadcast so far, oldest first.
	 * @return a snapshot of the payloads
	 */
	public List<HotPayload> sent() {
		return List.copyOf(this.sent);
	}

	/**
	 * The payloads broadcast since the last call, oldest first, which are then forgotten.
	 * @return the payloads
	 */
	public List<HotPayload> takeSent() {
		List<HotPayload> taken = new ArrayList<>();
		for (HotPayload payload = this.sent.poll(); payload != null; payload = this.sent.poll()) {
			taken.add(payload);
		}
		return taken;
	}

	/**
	 * Connect a client, as a browser would, and tell the {@link #CONNECTION} listeners.
	 * Broadcasts are recorded by the channel ({@link #sent()}), what is sent to the
	 * client alone by the client ({@link Client#sent()}).
	 * @return the client
	 */
	public Client connect() {
		Assert.state(!this.closed, "The channel is closed");
		Client client = new Client("in-memory-" + this.ids.incrementAndGet());
		this.clients.put(client.socket().id(), client);
		this.listeners.notify(CONNECTION, null, client);
		return client;
	}

	/**
	 * Deliver a custom event as if a client had sent it with
	 * {@code import.meta.hot.send}.
	 * @param client the client it comes from
	 * @param event the event name, not one of the connection events
	 * @param data the data, or {@code null}
	 */
	public void receive(HotChannelClient client, String event, @Nullable JsonNode data) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(event, "'event' must not be empty");
		Assert.isTrue(HotChannelListeners.isClientEvent(event),
				() -> "'event' must not be a connection event, not '" + event + "'");
		this.listeners.notify(event, data, client);
	}

	/**
	 * A client of an {@link InMemoryServerHotChannel}.
	 */
	public final class Client implements HotChannelClient {

		private final HotChannelSocket socket;

		private final Queue<HotPayload> sent = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean open = new AtomicBoolean(true);

		private Client(String id) {
			this.socket = new HotChannelSocket(id, null, null, Map.of());
		}

		@Override
		public void send(HotPayload payload) {
			Assert.notNull(payload, "'payload' must not be null");
			if (this.open.get()) {
				this.sent.add(payload);
			}
		}

		@Override
		public void close() {
			if (this.open.compareAndSet(true, false)) {
				InMemoryServerHotChannel.this.clients.remove(this.socket.id(), this);
				InMemoryServerHotChannel.this.listeners.notify(DISCONNECT, null, this);
			}
		}

		@Override
		public boolean isOpen() {
			return this.open.get();
		}

		@Override
		public HotChannelSocket socket() {
			return this.socket;
		}

		/**
		 * The payloads sent to this client alone, oldest first.
		 * @return a snapshot of the payloads
		 */
		public List<HotPayload> sent() {
			return List.copyOf(this.sent);
		}

		@Override
		public String toString() {
			return "in-memory client " + this.socket.id();
		}

	}

}
