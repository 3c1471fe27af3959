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

package dev.hmr.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * The last saves the {@link HmrEngine} sent something for, newest first, and at most
 * {@link #DEFAULT_CAPACITY} of them unless told otherwise: what was saved, what browsers
 * were sent, and how long it took from the save to the send. Listeners (the Micrometer
 * timer) hear of each one as it is recorded.
 *
 * @since 0.1.0
 */
public final class UpdateHistory {

	/** How many updates are kept by default. */
	public static final int DEFAULT_CAPACITY = 20;

	private static final Log logger = LogFactory.getLog(UpdateHistory.class);

	private final int capacity;

	private final Deque<RecordedUpdate> updates;

	private final List<Consumer<RecordedUpdate>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Create a history that keeps the last {@value #DEFAULT_CAPACITY} updates.
	 */
	public UpdateHistory() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * Create a history.
	 * @param capacity how many updates are kept
	 */
	public UpdateHistory(int capacity) {
		Assert.isTrue(capacity > 0, "'capacity' must be positive");
		this.capacity = capacity;
		this.updates = new ArrayDeque<>(capacity);
	}

	/**
	 * The updates kept.
	 * @return a snapshot, newest first
	 */
	public List<RecordedUpdate> updates() {
		synchronized (this.updates) {
			return new ArrayList<>(this.updates);
		}
	}

	/**
	 * Hear of every update recorded from now on, on the thread that sent it.
	 * @param listener the listener; it must return quickly
	 */
	public void addListener(Consumer<RecordedUpdate> listener) {
		Assert.notNull(listener, "'listener' must not be null");
		this.listeners.add(listener);
	}

	void record(RecordedUpdate update) {
		synchronized (this.updates) {
			if (this.updates.size() == this.capacity) {
				this.updates.removeLast();
			}
			this.updates.addFirst(update);
		}
		for (Consumer<RecordedUpdate> listener : this.listeners) {
			try {
				listener.accept(update);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of HMR updates failed", ex);
			}
		}
	}

	/**
	 * What one save led to.
	 *
	 * @param file the file saved
	 * @param type the type of payload sent (Vite's name, such as {@code update} or
	 * {@code full-reload})
	 * @param paths the module paths updated, for an {@code update}; else empty
	 * @param savedAt when the watcher saw the save finish
	 * @param sentAt when the payload was handed to the channel
	 */
	public record RecordedUpdate(Path file, String type, List<String> paths, Instant savedAt, Instant sentAt) {

		public RecordedUpdate {
			Assert.notNull(file, "'file' must not be null");
			Assert.notNull(type, "'type' must not be null");
			Assert.notNull(savedAt, "'savedAt' must not be null");
			Assert.notNull(sentAt, "'sentAt' must not be null");
			paths = List.copyOf(paths);
		}

		/**
		 * How long it took from the save to the send.
		 * @return the time, never negative
		 */
		public Duration latency() {
			Duration latency = Duration.between(this.savedAt, this.sentAt);
			return latency.isNegative() ? Duration.ZERO : latency;
		}

	}

}
