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

package dev.hmr.watch.nativeio;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;

import com.sun.jna.Platform;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.hashing.FileHasher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import io.methvin.watchservice.MacOSXListeningWatchService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hmr.watch.Notifiers;

/**
 * Receives notifications through directory-watcher: FSEvents on macOS, the JDK's
 * {@code WatchService} elsewhere.
 */
final class DirectoryWatcherNotifier implements Notifiers.Notifier {

	private static final Log logger = LogFactory.getLog(DirectoryWatcherNotifier.class);

	private final Notifiers.Sink sink;

	private final DirectoryWatcher directoryWatcher;

	private volatile boolean closed;

	private DirectoryWatcherNotifier(Notifiers.Sink sink, DirectoryWatcher directoryWatcher) {
		this.sink = sink;
		this.directoryWatcher = directoryWatcher;
	}

	static DirectoryWatcherNotifier open(Notifiers.Sink sink, Duration latency) {
		SourceTreeVisitor visitor = new SourceTreeVisitor(sink);
		try {
			DirectoryWatcher directoryWatcher = DirectoryWatcher.builder()
				.paths(sink.roots())
				.listener(new SourceChangeListener(sink))
				// Hashing reads every file at start and on every change before it is
				// notified; the quiet period already makes one save one event.
				.fileHashing(false)
				.fileTreeVisitor(visitor)
				.watchService(newWatchService(visitor, latency))
				.build();
			return new DirectoryWatcherNotifier(sink, directoryWatcher);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to watch " + InotifyNotifier.loggable(sink.roots()), ex);
		}
	}

	private static WatchService newWatchService(FileTreeVisitor visitor, Duration latency) throws IOException {
		if (!Platform.isMac()) {
			return FileSystems.getDefault().newWatchService();
		}
		// The JDK polls on macOS; FSEvents by default batches for half a second.
		double seconds = latency.toNanos() / 1e9;
		return new MacOSXListeningWatchService(new MacOSXListeningWatchService.Config() {

			@Override
			public double latency() {
				return seconds;
			}

			@Override
			public boolean fileLevelEvents() {
				return true;
			}

			@Override
			public @Nullable FileHasher fileHasher() {
				return null;
			}

			@Override
			public FileTreeVisitor fileTreeVisitor() {
				return visitor;
			}

		});
	}

	@Override
	public void start(ThreadFactory threads) {
		CompletableFuture<Void> watching = this.directoryWatcher.watchAsync((task) -> threads.newThread(task).start());
		if (watching.isCompletedExceptionally()) {
			close();
			throw new IllegalStateException("Unable to watch " + InotifyNotifier.loggable(this.sink.roots()),
					causeOf(watching));
		}
		watching.whenComplete((result, ex) -> {
			if (!this.closed) {
				logger.warn(
						"Stopped watching " + InotifyNotifier.loggable(this.sink.roots()) + "; were the roots deleted?",
						ex);
			}
		});
	}

	@Override
	public List<Path> watchedFolders() {
		return List.of();
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.directoryWatcher.close();
		}
		catch (IOException ex) {
			logger.debug("Unable to close the directory watcher", ex);
		}
	}

	private static Throwable causeOf(CompletableFuture<Void> failed) {
		try {
			failed.join();
			throw new IllegalStateException("Not failed");
		}
		catch (CompletionException ex) {
			return (ex.getCause() != null) ? ex.getCause() : ex;
		}
	}

	@Override
	public String toString() {
		return "directory-watcher";
	}

}
