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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Coalesces the notifications of each path until it has been quiet for the quiet period
 * (at most the maximum delay), so that an editor's save becomes one change; a save known
 * to be finished is due at once. The notifying thread {@linkplain #add(Path) adds} and
 * never waits; the publishing thread {@linkplain #awaitDue() waits} and
 * {@linkplain #pollDue() takes}.
 */
final class PendingChanges {

	private final long quietPeriod;

	private final long maximumDelay;

	private final LongSupplier nanoClock;

	private final LongSupplier wallClock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Map<Path, PendingChange> changes = new LinkedHashMap<>();

	/**
	 * When changes were last taken, by path, for a quiet period: a save finished within
	 * it belongs to a burst of saves and waits to be coalesced with the rest.
	 */
	private final Map<Path, Long> recentlyTaken = new HashMap<>();

	private boolean rescanRequested;

	/** Whether the publisher waits, and until when. */
	private boolean waiting;

	private long waitingUntil;

	private boolean closed;

	PendingChanges(Duration quietPeriod, Duration maximumDelay) {
		this(quietPeriod, maximumDelay, System::nanoTime, System::currentTimeMillis);
	}

	PendingChanges(Duration quietPeriod, Duration maximumDelay, LongSupplier nanoClock, LongSupplier wallClock) {
		Assert.isTrue(!quietPeriod.isNegative(), "'quietPeriod' must not be negative");
		Assert.isTrue(maximumDelay.compareTo(quietPeriod) >= 0, "'maximumDelay' must not be less than 'quietPeriod'");
		this.quietPeriod = quietPeriod.toNanos();
		this.maximumDelay = maximumDelay.toNanos();
		this.nanoClock = nanoClock;
		this.wallClock = wallClock;
	}

	/**
	 * Note that the path was notified as changed now.
	 * @param path the absolute, normalized path
	 */
	void add(Path path) {
		add(path, Notification.CHANGED);
	}

	/**
	 * Note a notification of the path now. A finished save ({@link Notification#WRITTEN}
	 * of a file that was not created meanwhile, {@link Notification#MOVED_IN}) is due at
	 * once, unless a change of the path was taken less than a quiet period ago: then it
	 * is one of a burst of saves, coalesced with the rest as any other notification.
	 * @param path the absolute, normalized path
	 * @param notification what it said
	 */
	void add(Path path, Notification notification) {
		long now = this.nanoClock.getAsLong();
		long observedAt = this.wallClock.getAsLong();
		this.lock.lock();
		try {
			Long taken = this.recentlyTaken.get(path);
			boolean maySettle = taken == null || now - taken >= this.quietPeriod;
			PendingChange change = this.changes.get(path);
			if (change == null) {
				change = new PendingChange(path, now, observedAt);
				this.changes.put(path, change);
			}
			change.notified(now, observedAt, notification, maySettle);
			wakeFor(change.due(this.quietPeriod, this.maximumDelay));
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wake the publisher if it waits past the given due time. An idle publisher waits for
	 * the maximum delay at most, so a save still being written (due at the maximum delay
	 * unless its writer closes the file first) never wakes it while the editor writes.
	 */
	private void wakeFor(long due) {
		if (this.waiting && due - this.waitingUntil < 0) {
			this.changed.signal();
		}
	}

	/**
	 * Hold a change back until the maximum delay after its first notification unless the
	 * path changes again: the file is empty, most likely truncated by a save that has not
	 * written yet, or gone, most likely renamed away by a save that has not written the
	 * new file yet.
	 * @param change a change taken from {@link #pollDue()}
	 * @return {@code true} if the change is held (or dropped, once closed); {@code false}
	 * if the maximum delay has passed and it must be published now
	 */
	boolean hold(PendingChange change) {
		this.lock.lock();
		try {
			if (this.closed) {
				return true;
			}
			if (!change.isBefore(this.nanoClock.getAsLong(), this.maximumDelay)) {
				return false;
			}
			PendingChange newer = this.changes.get(change.path());
			if (newer != null) {
				newer.merge(change);
			}
			else {
				change.hold();
				this.changes.put(change.path(), change);
				this.changed.signal();
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ask the publisher to compare the source roots with what it knows, because
	 * notifications were lost.
	 */
	void requestRescan() {
		this.lock.lock();
		try {
			this.rescanRequested = true;
			this.changed.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Take the request for a rescan.
	 * @return whether a rescan was requested since the last call
	 */
	boolean takeRescanRequest() {
		this.lock.lock();
		try {
			boolean requested = this.rescanRequested;
			this.rescanRequested = false;
			return requested;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Take the changes that are due now, in the order their paths first changed.
	 * @return the due changes, possibly none
	 */
	List<PendingChange> pollDue() {
		this.lock.lock();
		try {
			return takeDue(this.nanoClock.getAsLong());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait until changes are due, a rescan is requested or this is closed. The changes
	 * are left to be {@linkplain #pollDue() taken}.
	 * @return {@code true} once changes are due or a rescan is requested, {@code false}
	 * once closed
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitDue() throws InterruptedException {
		this.lock.lock();
		try {
			while (!this.closed) {
				long now = this.nanoClock.getAsLong();
				Long next = nextDue();
				if ((next != null && next - now <= 0) || this.rescanRequested) {
					return true;
				}
				this.waiting = true;
				this.waitingUntil = (next != null) ? next : now + this.maximumDelay;
				try {
					this.changed.awaitNanos(this.waitingUntil - now);
				}
				finally {
					this.waiting = false;
				}
			}
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	private List<PendingChange> takeDue(long now) {
		if (!this.recentlyTaken.isEmpty()) {
			this.recentlyTaken.values().removeIf((taken) -> now - taken >= this.quietPeriod);
		}
		List<PendingChange> due = new ArrayList<>();
		Iterator<PendingChange> iterator = this.changes.values().iterator();
		while (iterator.hasNext()) {
			PendingChange change = iterator.next();
			if (change.due(this.quietPeriod, this.maximumDelay) - now <= 0) {
				due.add(change);
				iterator.remove();
				if (this.quietPeriod > 0) {
					this.recentlyTaken.put(change.path(), now);
				}
			}
		}
		return due;
	}

	private @Nullable Long nextDue() {
		Long next = null;
		for (PendingChange change : this.changes.values()) {
			long due = change.due(this.quietPeriod, this.maximumDelay);
			if (next == null || due - next < 0) {
				next = due;
			}
		}
		return next;
	}

	/**
	 * Stop: wake the publisher and drop what is pending.
	 */
	void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.changes.clear();
			this.recentlyTaken.clear();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	List<Path> paths() {
		this.lock.lock();
		try {
			return List.copyOf(this.changes.keySet());
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean isClosed() {
		this.lock.lock();
		try {
			return this.closed;
		}
		finally {
			this.lock.unlock();
		}
	}

}
