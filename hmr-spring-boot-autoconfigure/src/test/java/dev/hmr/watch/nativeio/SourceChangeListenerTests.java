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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeEvent.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hmr.watch.Notification;
import dev.hmr.watch.Notifiers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceChangeListener}.
 */
class SourceChangeListenerTests {

	@TempDir
	Path root;

	private final RecordingSink sink = new RecordingSink();

	@Test
	void notificationsUnderTheRootsArePassedOnNormalized() {
		listener().onEvent(event(EventType.MODIFY, this.root.resolve("js/../app.js")));
		listener().onEvent(event(EventType.DELETE, this.root.resolve("js")));
		assertThat(this.sink.added).containsExactly(this.root.resolve("app.js"), this.root.resolve("js"));
	}

	@Test
	void notificationsOfIgnoredPathsAreDropped() {
		listener().onEvent(event(EventType.CREATE, this.root.resolve("ignored.js")));
		listener().onEvent(event(EventType.CREATE, this.root.resolveSibling("outside.js")));
		assertThat(this.sink.added).isEmpty();
	}

	@Test
	void overflowRequestsARescan() {
		listener().onEvent(new DirectoryChangeEvent(EventType.OVERFLOW, false, null, null, 1, this.root));
		assertThat(this.sink.rescans).hasValue(1);
	}

	@Test
	void exceptionRequestsARescan() {
		// directory-watcher 0.19.1 reports the JDK's OVERFLOW as a NullPointerException.
		listener().onException(new NullPointerException());
		assertThat(this.sink.rescans).hasValue(1);
	}

	@Test
	void folderThatVanishedBeforeItWasWatchedNeedsNoRescan() {
		listener().onException(new NoSuchFileException(this.root.resolve("gone").toString()));
		assertThat(this.sink.rescans).hasValue(0);
	}

	private SourceChangeListener listener() {
		return new SourceChangeListener(this.sink);
	}

	private DirectoryChangeEvent event(EventType type, Path path) {
		return new DirectoryChangeEvent(type, false, path, null, 1, this.root);
	}

	private final class RecordingSink implements Notifiers.Sink {

		final List<Path> added = new CopyOnWriteArrayList<>();

		final AtomicInteger rescans = new AtomicInteger();

		@Override
		public List<Path> roots() {
			return List.of(SourceChangeListenerTests.this.root);
		}

		@Override
		public boolean isIgnored(Path path) {
			return !path.startsWith(SourceChangeListenerTests.this.root) || path.endsWith("ignored.js");
		}

		@Override
		public void walk(Path start, Notifiers.PathCallback onDirectory, Notifiers.PathCallback onFile)
				throws IOException {
		}

		@Override
		public void add(Path path, Notification notification) {
			assertThat(notification).isEqualTo(Notification.CHANGED);
			this.added.add(path);
		}

		@Override
		public void requestRescan() {
			this.rescans.incrementAndGet();
		}

	}

}
