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

import org.junit.jupiter.api.Test;

import static dev.hmr.watch.FileChangeKind.MODIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SourceWatcher} on the portable watcher (directory-watcher over the
 * JDK's {@code WatchService}, FSEvents on macOS), whose notifications do not tell when a
 * save is finished: every change waits for its file to be quiet.
 */
class PortableSourceWatcherTests extends AbstractSourceWatcherTests {

	@Override
	boolean portable() {
		return true;
	}

	@Test
	void directoryWatcherIsUsed() {
		assertThat(start().notifier()).hasToString("directory-watcher");
	}

	@Test
	void burstOfWritesPublishesOneEvent() throws IOException {
		Path file = write(this.root.resolve("app.js"), "zero");
		start();
		for (int i = 1; i <= 20; i++) {
			write(file, "write " + i);
		}
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void fileWrittenContinuouslyIsPublishedAtTheMaximumDelay() throws IOException {
		Path file = write(this.root.resolve("app.js"), "zero");
		start(new SourceWatcher(roots(), this.publisher, Duration.ofMillis(500), Duration.ofMillis(1000)));
		// Written far more often than the quiet period, until the watcher publishes it.
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> {
			write(file, "write " + System.nanoTime());
			return !this.publisher.eventsFor(file).isEmpty();
		});
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

}
