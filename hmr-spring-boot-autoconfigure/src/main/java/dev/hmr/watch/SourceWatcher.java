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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Watches the {@link SourceRoots} recursively and publishes a {@link FileChangeEvent} per
 * changed file: on Linux (inotify) the moment its writer closes it, elsewhere once it has
 * been quiet for the quiet period. Empty and vanished files are held back for the maximum
 * delay, as a save is most likely between its steps.
 * <p>
 * Notifications are only read on a daemon thread named {@code hmr-watcher}; events are
 * published, and listeners run, on {@code hmr-watcher-publisher} only, in order for each
 * file, so that a slow listener never delays reading. JNA and directory-watcher are
 * loaded by a class loader of their own and never reach the application's class path.
 *
 * @since 0.1.0
 */
public class SourceWatcher implements SmartLifecycle {

	/**
	 * Default time a file must be quiet before its change is published: enough for the
	 * back-to-back writes of one save.
	 */
	public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(1);

	/**
	 * Default longest time a change is held back: a file written continuously, left
	 * empty, or deleted, is published at the latest this long after its first change.
	 */
	public static final Duration DEFAULT_MAXIMUM_DELAY = Duration.ofMillis(100);

	private static final Log logger = LogFactory.getLog(SourceWatcher.class);

	private static final String THREAD_NAME = "hmr-watcher";

	private static final String PUBLISHER_THREAD_NAME = THREAD_NAME + "-publisher";

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

	private final SourceRoots roots;

	private final ApplicationEventPublisher eventPublisher;

	private final Duration quietPeriod;

	private final Duration maximumDelay;

	private final Object monitor = new Object();

	private volatile @Nullable Watch watch;

	private volatile boolean running;

	private boolean inotify = true;

	private boolean isolated = true;

	private @Nullable Duration pollInterval;

	private boolean notified = true;

	/**
	 * Create a new {@link SourceWatcher} with the default quiet period and maximum delay.
	 * @param roots the roots to watch
	 * @param eventPublisher the publisher of the events
	 */
	public SourceWatcher(SourceRoots roots, ApplicationEventPublisher eventPublisher) {
		this(roots, eventPublisher, DEFAULT_QUIET_PERIOD, DEFAULT_MAXIMUM_DELAY);
	}

	/**
	 * Create a new {@link SourceWatcher}.
	 * @param roots the roots to watch
	 * @param eventPublisher the publisher of the events
	 * @param quietPeriod the time a file must be quiet before its change is published
	 * @param maximumDelay the longest time a change is held back
	 */
	public SourceWatcher(SourceRoots roots, ApplicationEventPublisher eventPublisher, Duration quietPeriod,
			Duration maximumDelay) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(eventPublisher, "'eventPublisher' must not be null");
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		Assert.notNull(maximumDelay, "'maximumDelay' must not be null");
		Assert.isTrue(!quietPeriod.isNegative(), "'quietPeriod' must not be negative");
		Assert.isTrue(maximumDelay.compareTo(quietPeriod) >= 0, "'maximumDelay' must not be less than 'quietPeriod'");
		this.roots = roots;
		this.eventPublisher = eventPublisher;
		this.quietPeriod = quietPeriod;
		this.maximumDelay = maximumDelay;
	}

	/**
	 * Set whether to read Linux's inotify, which tells when a save is finished (the
	 * default), rather than the JDK's {@code WatchService}, where every change waits for
	 * the quiet period. Ignored elsewhere than on Linux.
	 * @param inotify whether to use inotify where available
	 */
	public void setInotify(boolean inotify) {
		this.inotify = inotify;
	}

	/**
	 * Set the interval at which the roots are also scanned for files of another size or
	 * modification time, for folders mounted from elsewhere (a dev container's bind
	 * mount, a network share) whose changes the file system never notifies. The changes
	 * found are published like notified ones.
	 * @param pollInterval the interval, or {@code null} not to poll (the default)
	 */
	public void setPollInterval(@Nullable Duration pollInterval) {
		Assert.isTrue(pollInterval == null || (!pollInterval.isNegative() && !pollInterval.isZero()),
				"'pollInterval' must be positive");
		this.pollInterval = pollInterval;
	}

	/**
	 * Start watching. Returns once the roots are watched: a change made afterwards is
	 * published.
	 * @throws IllegalStateException if the roots cannot be watched
	 */
	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			if (this.roots.isEmpty()) {
				logger.info("No source roots to watch");
			}
			else {
				Watch started = startWatch();
				this.watch = started;
				logger.info("Watching " + Loggable.of(this.roots) + " for changes (" + started.notifier + ")");
			}
			this.running = true;
		}
	}

	private Watch startWatch() {
		for (Path root : this.roots.getRoots()) {
			if (!Files.isDirectory(root)) {
				logger.warn("Source root " + Loggable.of(root) + " is not a directory (any more); it is not watched");
			}
		}
		PendingChanges pending = new PendingChanges(this.quietPeriod, this.maximumDelay);
		List<Thread> threads = new ArrayList<>();
		KnownFiles knownFiles = new KnownFiles(this.roots);
		ChangePublisher publisher = new ChangePublisher(this, this.roots, pending, knownFiles, this.eventPublisher,
				this.maximumDelay);
		Notifiers.Sink sink = new PendingSink(this.roots, pending);
		Duration interval = this.pollInterval;
		Notifiers.Notifier notifier = (interval != null)
				? new PollingNotifier(sink, interval, (this.notified) ? openNotifier(sink) : null) : openNotifier(sink);
		Watch watch = new Watch(notifier, pending, threads);
		// Once the roots are watched, so that no change falls between; before the
		// publisher starts, so that it knows which files are new.
		try {
			notifier.start((task) -> newDaemon(task, THREAD_NAME, threads));
			knownFiles.scan();
		}
		catch (RuntimeException ex) {
			watch.close();
			throw ex;
		}
		newDaemon(publisher, PUBLISHER_THREAD_NAME, threads).start();
		return watch;
	}

	private Notifiers.Notifier openNotifier(Notifiers.Sink sink) {
		Notifiers notifiers;
		try {
			notifiers = (this.isolated) ? IsolatedNotifiers.get() : null;
		}
		catch (IllegalStateException ex) {
			logger.warn(ex.getMessage() + "; watching through the JDK's WatchService, where a save waits "
					+ this.quietPeriod.toMillis() + " ms to be published");
			notifiers = null;
		}
		if (notifiers == null) {
			return WatchServiceNotifier.open(sink);
		}
		String inotifyUnavailable = (this.inotify) ? notifiers.inotifyUnavailableReason() : "";
		if (inotifyUnavailable == null) {
			try {
				return notifiers.inotify(sink);
			}
			catch (IllegalStateException ex) {
				logger.warn(ex.getMessage() + "; watching through the JDK's WatchService instead");
			}
		}
		else if (!inotifyUnavailable.isEmpty()) {
			logger.warn("inotify cannot be called (" + Loggable.of(inotifyUnavailable)
					+ "); watching through the JDK's WatchService, where a save waits " + this.quietPeriod.toMillis()
					+ " ms to be published");
		}
		return notifiers.directoryWatcher(sink, this.quietPeriod);
	}

	private static Thread newDaemon(Runnable task, String name, List<Thread> threads) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		threads.add(thread);
		return thread;
	}

	/**
	 * Stop watching, close the native resources and end the threads. Changes not yet
	 * published are dropped.
	 */
	@Override
	public void stop() {
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			if (this.watch != null) {
				this.watch.close();
				this.watch.join(STOP_TIMEOUT);
				this.watch = null;
			}
		}
	}

	/**
	 * What tells this watcher of changes, as the Actuator endpoint shows it:
	 * {@code inotify}, {@code directory-watcher} or the JDK's {@code WatchService}.
	 * @return the notifier's name, {@code null} while not watching
	 */
	public @Nullable String getNotifierName() {
		Watch current = this.watch;
		return (current != null) ? current.notifier.toString() : null;
	}

	/**
	 * The folders watched now, for tests.
	 * @return the folders, none if the notifier does not tell
	 */
	List<Path> watchedFolders() {
		Watch current = this.watch;
		return (current != null) ? current.notifier.watchedFolders() : List.of();
	}

	/**
	 * The notifier in use, for tests.
	 * @return the notifier, {@code null} if not watching
	 */
	Notifiers.@Nullable Notifier notifier() {
		Watch current = this.watch;
		return (current != null) ? current.notifier : null;
	}

	/**
	 * The paths whose changes are pending, for tests.
	 * @return the paths
	 */
	List<Path> pendingPaths() {
		Watch current = this.watch;
		return (current != null) ? current.pending.paths() : List.of();
	}

	/**
	 * Watch with the JDK's {@code WatchService} only, as where the watcher's own
	 * libraries cannot be loaded; for tests.
	 */
	void setIsolated(boolean isolated) {
		this.isolated = isolated;
	}

	/**
	 * Receive no notifications of the file system, as on a mounted folder where none
	 * arrive, so that only polling finds changes; for tests. Ignored unless polling.
	 */
	void setNotified(boolean notified) {
		this.notified = notified;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * What runs while watching: the native watcher, the pending changes and the threads.
	 */
	private static final class Watch {

		private final Notifiers.Notifier notifier;

		private final PendingChanges pending;

		private final List<Thread> threads;

		Watch(Notifiers.Notifier notifier, PendingChanges pending, List<Thread> threads) {
			this.notifier = notifier;
			this.pending = pending;
			this.threads = threads;
		}

		void close() {
			try {
				this.notifier.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Unable to close the notifications of the file system", ex);
			}
			this.pending.close();
		}

		void join(Duration timeout) {
			for (Thread thread : this.threads) {
				if (thread == Thread.currentThread()) {
					continue;
				}
				try {
					thread.join(timeout.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (thread.isAlive()) {
					logger.warn("Thread " + thread.getName() + " did not end within " + timeout);
				}
			}
		}

	}

	/**
	 * Passes a notifier's notifications to the pending changes.
	 */
	private static final class PendingSink implements Notifiers.Sink {

		private final SourceRoots roots;

		private final PendingChanges pending;

		private final SourceTree tree;

		PendingSink(SourceRoots roots, PendingChanges pending) {
			this.roots = roots;
			this.pending = pending;
			this.tree = new SourceTree(roots);
		}

		@Override
		public List<Path> roots() {
			return this.roots.outermostRoots();
		}

		@Override
		public boolean isIgnored(Path path) {
			return this.roots.isIgnored(path);
		}

		@Override
		public void walk(Path start, Notifiers.PathCallback onDirectory, Notifiers.PathCallback onFile)
				throws IOException {
			this.tree.walk(start, onDirectory, onFile);
		}

		@Override
		public void add(Path path, Notification notification) {
			this.pending.add(path, notification);
		}

		@Override
		public void requestRescan() {
			this.pending.requestRescan();
		}

	}

}
