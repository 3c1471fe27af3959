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

package dev.hmr.watch;

import java.nio.file.Path;

/**
 * The notifications received for one path that are not published yet. Guarded by the lock
 * of its {@link PendingChanges} while it is pending.
 */
final class PendingChange {

	private final Path path;

	private long first;

	private long last;

	private long observedAt;

	private State state = State.QUIET;

	/**
	 * Whether the path was created meanwhile: a new file is most likely a temporary one.
	 */
	private boolean created;

	/** Whether a save was finished within a quiet period of the last one taken. */
	private boolean burst;

	PendingChange(Path path, long nanoTime, long observedAt) {
		this.path = path;
		this.first = nanoTime;
		this.last = nanoTime;
		this.observedAt = observedAt;
	}

	/**
	 * The path that changed.
	 * @return the absolute, normalized path
	 */
	Path path() {
		return this.path;
	}

	/**
	 * When the last notification was received.
	 * @return milliseconds since the epoch
	 */
	long observedAt() {
		return this.observedAt;
	}

	/**
	 * Note a notification.
	 * @param nanoTime when it was received, on the {@link System#nanoTime()} scale
	 * @param observedAt when it was received, in milliseconds since the epoch
	 * @param notification what it said
	 * @param maySettle whether a finished save may be due at once: not when the path
	 * changed less than a quiet period ago; the change is then part of a burst of saves
	 * and waits for the quiet period, as do the saves that follow within it
	 */
	void notified(long nanoTime, long observedAt, Notification notification, boolean maySettle) {
		this.last = nanoTime;
		this.observedAt = observedAt;
		this.state = switch (notification) {
			case CHANGED -> (this.state == State.WRITING) ? State.WRITING : State.QUIET;
			case CREATED -> {
				this.created = true;
				yield (this.state == State.WRITING) ? State.WRITING : State.QUIET;
			}
			case WRITING -> State.WRITING;
			case WRITTEN -> {
				this.burst |= !maySettle;
				yield (this.burst || this.created) ? State.QUIET : State.SETTLED;
			}
			case MOVED_IN -> {
				this.burst |= !maySettle;
				yield this.burst ? State.QUIET : State.SETTLED;
			}
		};
	}

	void merge(PendingChange earlier) {
		if (earlier.first - this.first < 0) {
			this.first = earlier.first;
		}
	}

	void hold() {
		this.state = State.HELD;
	}

	/**
	 * When the change is due: at once when a save is known to be finished (its writer
	 * closed the file, or it was renamed into place); else once the path has been quiet
	 * for the quiet period, and at the latest the maximum delay after the first
	 * notification. A held change, and a file still open for writing, wait for the
	 * maximum delay unless notified again.
	 * @param quietPeriod the quiet period in nanoseconds
	 * @param maximumDelay the maximum delay in nanoseconds
	 * @return the due time on the {@link System#nanoTime()} scale
	 */
	long due(long quietPeriod, long maximumDelay) {
		long latest = this.first + maximumDelay;
		return switch (this.state) {
			case SETTLED -> this.last;
			case HELD, WRITING -> latest;
			case QUIET -> {
				long quiet = this.last + quietPeriod;
				yield (quiet - latest < 0) ? quiet : latest;
			}
		};
	}

	/**
	 * Whether the change may still be held back at the given time.
	 * @param nanoTime the time on the {@link System#nanoTime()} scale
	 * @param maximumDelay the maximum delay in nanoseconds
	 * @return whether the maximum delay has not passed yet
	 */
	boolean isBefore(long nanoTime, long maximumDelay) {
		return nanoTime - (this.first + maximumDelay) < 0;
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

	/**
	 * What the change waits for.
	 */
	private enum State {

		/** The path to be quiet for the quiet period. */
		QUIET,

		/** The writer to close the file, for the maximum delay at most. */
		WRITING,

		/** Nothing: the save is finished. */
		SETTLED,

		/** The maximum delay, unless notified again: the file was empty or gone. */
		HELD

	}

}
