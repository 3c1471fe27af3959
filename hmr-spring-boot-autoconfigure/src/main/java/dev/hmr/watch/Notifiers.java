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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;

import org.jspecify.annotations.Nullable;

/**
 * What the watcher asks of the code that calls the operating system through JNA or
 * directory-watcher, which is loaded by a class loader of its own so that neither ever
 * reaches the application's class path. Internal: public only because that class loader
 * makes another runtime package.
 *
 * @since 0.1.0
 */
public interface Notifiers {

	/**
	 * Why inotify cannot be read here.
	 * @return {@code null} if it can; else the reason, or {@code ""} if this is not Linux
	 */
	@Nullable String inotifyUnavailableReason();

	/**
	 * Watch the roots with inotify. A change made once this returns is notified.
	 * @param sink where notifications go
	 * @return the notifier, not started
	 * @throws IllegalStateException if inotify cannot be opened
	 */
	Notifier inotify(Sink sink);

	/**
	 * Watch the roots with directory-watcher: FSEvents on macOS, the JDK's
	 * {@code WatchService} elsewhere.
	 * @param sink where notifications go
	 * @param latency how long FSEvents may batch notifications
	 * @return the notifier, not started
	 * @throws IllegalStateException if the roots cannot be watched
	 */
	Notifier directoryWatcher(Sink sink, Duration latency);

	/**
	 * Notifications of the file system, received on a thread of their own.
	 */
	interface Notifier extends AutoCloseable {

		/**
		 * Start receiving notifications.
		 * @param threads makes the receiving thread
		 */
		void start(ThreadFactory threads);

		/**
		 * The folders watched now, where the notifier knows them.
		 * @return the folders
		 */
		List<Path> watchedFolders();

		/**
		 * Stop receiving and release the native resources; also when never started.
		 */
		@Override
		void close();

	}

	/**
	 * Called for a path found on a walk.
	 */
	@FunctionalInterface
	interface PathCallback {

		/**
		 * Take the path.
		 * @param path the path
		 * @throws IOException if it cannot be taken;
		 * {@link java.nio.file.NoSuchFileException} skips a folder that is gone
		 */
		void call(Path path) throws IOException;

	}

	/**
	 * Where a notifier sends what it receives; called on its thread, never waits.
	 */
	interface Sink {

		/**
		 * The folders to watch recursively.
		 * @return the outermost source roots
		 */
		List<Path> roots();

		/**
		 * Whether a path is never watched nor notified ({@code .git}, editors' files,
		 * ...).
		 * @param path an absolute, normalized path
		 * @return whether it is ignored
		 */
		boolean isIgnored(Path path);

		/**
		 * Walk a tree under the roots, skipping what is ignored.
		 * @param start the folder to start from
		 * @param onDirectory called for each folder, {@code start} included
		 * @param onFile called for each file
		 * @throws IOException if the walk fails
		 */
		void walk(Path start, PathCallback onDirectory, PathCallback onFile) throws IOException;

		/**
		 * Note a notification.
		 * @param path the absolute, normalized path
		 * @param notification what it said
		 */
		void add(Path path, Notification notification);

		/**
		 * Ask for the roots to be rescanned: notifications were lost.
		 */
		void requestRescan();

	}

}
