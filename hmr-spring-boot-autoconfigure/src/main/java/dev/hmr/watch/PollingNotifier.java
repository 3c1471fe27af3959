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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Scans the roots at a fixed interval, comparing each file's size and modification time
 * with the last scan, and notifies what differs as {@link Notification#CHANGED}: for
 * folders mounted from elsewhere (a dev container's bind mount, a network share), where
 * the file system's notifications never arrive. Runs beside the file system's notifier,
 * if any; what both notice is coalesced by the pending changes like any two
 * notifications.
 */
final class PollingNotifier implements Notifiers.Notifier {

	private static final Log logger = LogFactory.getLog(PollingNotifier.class);

	/**
	 * How long a changed file must read the same before it is notified.
	 */
	static final Duration SETTLE_TIME = Duration.ofMillis(20);

	private final Notifiers.Sink sink;

	private final Duration interval;

	private final Notifiers.@Nullable Notifier notifier;

	private final CountDownLatch closed = new CountDownLatch(1);

	private Map<Path, Snapshot> files = Map.of();

	/**
	 * Create a new {@link PollingNotifier}.
	 * @param sink where notifications go
	 * @param interval the time between two scans
	 * @param notifier the file system's notifier to run beside, or {@code null} to poll
	 * only
	 */
	PollingNotifier(Notifiers.Sink sink, Duration interval, Notifiers.@Nullable Notifier notifier) {
		this.sink = sink;
		this.interval = interval;
		this.notifier = notifier;
	}

	@Override
	public void start(ThreadFactory threads) {
		if (this.notifier != null) {
			this.notifier.start(threads);
		}
		// Before returning, so that a change made once started is noticed.
		this.files = scan();
		threads.newThread(this::run).start();
	}

	private void run() {
		try {
			while (!this.closed.await(this.interval.toNanos(), TimeUnit.NANOSECONDS)) {
				poll();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Scan once and notify what changed since the last scan. A changed file is notified
	 * once it reads the same twice, {@link #SETTLE_TIME} apart, so that a scan that
	 * catches a save half-way (truncated, not yet written) is not followed by a second
	 * notification of the same save; one still being written is left to the next scan.
	 * @throws InterruptedException if interrupted while waiting for the changes to settle
	 */
	void poll() throws InterruptedException {
		Map<Path, Snapshot> current;
		try {
			current = scan();
		}
		catch (RuntimeException ex) {
			logger.debug("Unable to scan " + Loggable.of(this.sink.roots()), ex);
			return;
		}
		Map<Path, @Nullable Snapshot> changed = new HashMap<>();
		current.forEach((path, snapshot) -> {
			if (!snapshot.equals(this.files.get(path))) {
				changed.put(path, snapshot);
			}
		});
		for (Path path : this.files.keySet()) {
			if (!current.containsKey(path)) {
				changed.put(path, null);
			}
		}
		if (changed.isEmpty()) {
			return;
		}
		if (this.closed.await(SETTLE_TIME.toNanos(), TimeUnit.NANOSECONDS)) {
			return;
		}
		Map<Path, Snapshot> next = new HashMap<>(this.files);
		changed.forEach((path, snapshot) -> {
			Snapshot now = snapshotOf(path);
			if (Objects.equals(now, snapshot)) {
				if (now != null) {
					next.put(path, now);
				}
				else {
					next.remove(path);
				}
				this.sink.add(path, Notification.CHANGED);
			}
		});
		this.files = next;
	}

	private static @Nullable Snapshot snapshotOf(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return (attributes.isRegularFile()) ? new Snapshot(attributes.size(), attributes.lastModifiedTime()) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private Map<Path, Snapshot> scan() {
		Map<Path, Snapshot> found = new HashMap<>();
		for (Path root : this.sink.roots()) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try {
				this.sink.walk(root, (directory) -> {
				}, (file) -> {
					Snapshot snapshot = snapshotOf(file);
					if (snapshot != null) {
						found.put(file, snapshot);
					}
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException("Unable to scan " + Loggable.of(root), ex);
			}
		}
		return found;
	}

	@Override
	public List<Path> watchedFolders() {
		return (this.notifier != null) ? this.notifier.watchedFolders() : List.of();
	}

	@Override
	public void close() {
		this.closed.countDown();
		if (this.notifier != null) {
			this.notifier.close();
		}
	}

	@Override
	public String toString() {
		String polling = "polling every " + this.interval.toMillis() + " ms";
		return (this.notifier != null) ? this.notifier + ", and " + polling : polling;
	}

	/**
	 * A file's size and modification time at a scan.
	 */
	private record Snapshot(long size, FileTime lastModified) {

	}

}
