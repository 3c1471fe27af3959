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
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the code a save goes through in the watcher, from a notification to the
 * {@link FileChangeEvent}, on a scratch file in a temporary folder, with events published
 * to nobody, until the JIT has compiled it. Run by {@code HmrWarmUp}; no watcher is
 * involved.
 *
 * @since 0.1.0
 */
public final class WatcherWarmUp implements Runnable {

	private static final Log logger = LogFactory.getLog(WatcherWarmUp.class);

	/** Saves gone through between two calls of the pause. */
	private static final int SAVES_PER_PAUSE = 250;

	private final int rounds;

	private final Runnable pause;

	/**
	 * Create a warm-up.
	 * @param rounds the number of saves of the scratch file to go through
	 */
	public WatcherWarmUp(int rounds) {
		this(rounds, () -> {
		});
	}

	/**
	 * Create a warm-up that lets something else go first now and then.
	 * @param rounds the number of saves of the scratch file to go through
	 * @param pause called before the first save and every few hundred saves: returns when
	 * the warm-up may go on (such as when no request is being served)
	 */
	public WatcherWarmUp(int rounds, Runnable pause) {
		Assert.isTrue(rounds >= 0, "'rounds' must not be negative");
		Assert.notNull(pause, "'pause' must not be null");
		this.rounds = rounds;
		this.pause = pause;
	}

	/**
	 * Run the warm-up on this thread; it stops early when the thread is interrupted.
	 */
	@Override
	public void run() {
		Path folder = null;
		try {
			folder = Files.createTempDirectory("hmr-warm-up");
			Path root = Files.createDirectories(folder.resolve("static"));
			Path file = Files.writeString(root.resolve("app.js"), "export const a = 1;\nimport.meta.hot.accept();\n");
			SourceRoots roots = SourceRoots.of(List.of(root), List.of(), List.of());
			// No quiet period: every save is due at once, none is coalesced into a burst.
			PendingChanges pending = new PendingChanges(Duration.ZERO, Duration.ofMillis(100));
			KnownFiles knownFiles = new KnownFiles(roots);
			knownFiles.scan();
			// No same-save window: every save is published, none dropped as a late
			// notification.
			ChangePublisher publisher = new ChangePublisher(this, roots, pending, knownFiles, (event) -> {
			}, Duration.ZERO);
			Path absolute = file.toAbsolutePath().normalize();
			for (int i = 0; i < this.rounds && !Thread.currentThread().isInterrupted(); i++) {
				if (i % SAVES_PER_PAUSE == 0) {
					this.pause.run();
				}
				if (!roots.isIgnored(absolute)) {
					pending.add(absolute, Notification.WRITING);
					pending.add(absolute, Notification.WRITTEN);
				}
				for (PendingChange change : pending.pollDue()) {
					publisher.publish(change);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("The watcher's warm-up failed; saves are only slower until the JIT catches up", ex);
		}
		finally {
			if (folder != null) {
				deleteQuietly(folder);
			}
		}
	}

	private static void deleteQuietly(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			logger.debug("Unable to delete " + Loggable.of(folder), ex);
		}
	}

}
