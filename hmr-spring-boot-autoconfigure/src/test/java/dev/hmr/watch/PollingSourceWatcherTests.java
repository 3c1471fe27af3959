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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hmr.watch.FileChangeKind.CREATED;
import static dev.hmr.watch.FileChangeKind.DELETED;
import static dev.hmr.watch.FileChangeKind.MODIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SourceWatcher}'s polling ({@code hmr.watch.poll-interval}), with real
 * files and no notifications of the file system at all, as on a mounted folder where
 * inotify sees nothing: every change published is one the scans found.
 */
class PollingSourceWatcherTests {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path root;

	private final RecordingEventPublisher publisher = new RecordingEventPublisher();

	private SourceWatcher watcher;

	@AfterEach
	void stop() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
	}

	@Test
	void modifyingAFileIsFoundByPolling() throws IOException {
		Path file = Files.writeString(this.root.resolve("app.js"), "one");
		startPollingOnly();
		Files.writeString(file, "two, longer");
		await().atMost(TIMEOUT).until(() -> !this.publisher.eventsFor(file).isEmpty());
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
		assertThat(this.publisher.threadNames()).containsOnly("hmr-watcher-publisher");
	}

	@Test
	void creatingAndDeletingFilesAreFoundByPolling() throws IOException {
		startPollingOnly();
		Path file = Files.writeString(Files.createDirectories(this.root.resolve("a/b")).resolve("app.css"), "p {}");
		await().atMost(TIMEOUT).until(() -> this.publisher.kindsFor(file).contains(CREATED));
		Files.delete(file);
		await().atMost(TIMEOUT).until(() -> this.publisher.kindsFor(file).contains(DELETED));
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED, DELETED);
	}

	@Test
	void aFileLeftAloneIsNotPublishedByRepeatedScans() throws IOException {
		Path file = Files.writeString(this.root.resolve("app.js"), "one");
		Path other = Files.writeString(this.root.resolve("other.js"), "one");
		startPollingOnly();
		Files.writeString(other, "two, longer");
		await().atMost(TIMEOUT).until(() -> !this.publisher.eventsFor(other).isEmpty());
		// Several scans later, the untouched file was never published.
		await().during(POLL_INTERVAL.multipliedBy(5)).atMost(TIMEOUT).until(() -> true);
		assertThat(this.publisher.eventsFor(file)).isEmpty();
		assertThat(this.publisher.kindsFor(other)).containsExactly(MODIFIED);
	}

	@Test
	void pollingRunsBesideTheFileSystemsNotifications() {
		this.watcher = new SourceWatcher(roots(), this.publisher);
		this.watcher.setPollInterval(POLL_INTERVAL);
		this.watcher.start();
		assertThat(this.watcher.getNotifierName()).endsWith(", and polling every 100 ms");
	}

	@Test
	void withoutPollIntervalNothingPolls() {
		this.watcher = new SourceWatcher(roots(), this.publisher);
		this.watcher.start();
		assertThat(this.watcher.getNotifierName()).doesNotContain("polling");
	}

	@Test
	void pollIntervalMustBePositive() {
		SourceWatcher unstarted = new SourceWatcher(roots(), this.publisher);
		assertThatIllegalArgumentException().isThrownBy(() -> unstarted.setPollInterval(Duration.ZERO))
			.withMessageContaining("'pollInterval' must be positive");
	}

	private void startPollingOnly() {
		this.watcher = new SourceWatcher(roots(), this.publisher, Duration.ofMillis(1), Duration.ofMillis(100));
		this.watcher.setPollInterval(POLL_INTERVAL);
		this.watcher.setNotified(false);
		this.watcher.start();
		assertThat(this.watcher.getNotifierName()).isEqualTo("polling every 100 ms");
	}

	private SourceRoots roots() {
		return SourceRoots.of(List.of(this.root), List.of(), List.of());
	}

}
