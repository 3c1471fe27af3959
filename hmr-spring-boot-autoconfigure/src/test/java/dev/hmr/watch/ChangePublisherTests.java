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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hmr.watch.FileChangeKind.CREATED;
import static dev.hmr.watch.FileChangeKind.DELETED;
import static dev.hmr.watch.FileChangeKind.MODIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ChangePublisher}: notifications are added by hand, with no quiet
 * period, so that each rule is tested alone.
 */
class ChangePublisherTests {

	private static final Duration SAME_SAVE_WINDOW = Duration.ofSeconds(10);

	@TempDir
	Path root;

	private static final Duration MAXIMUM_DELAY = Duration.ofSeconds(10);

	private PendingChanges pending = new PendingChanges(Duration.ZERO, MAXIMUM_DELAY);

	private final RecordingEventPublisher publisher = new RecordingEventPublisher();

	private KnownFiles knownFiles;

	private Thread thread;

	private int markers;

	@BeforeEach
	void createKnownFiles() {
		this.knownFiles = new KnownFiles(roots());
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.pending.close();
		if (this.thread != null) {
			this.thread.join(10_000);
		}
	}

	@Test
	void existingUnknownFileIsCreated() throws IOException {
		start();
		Path file = write("app.js", "one");
		addAndSettle(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED);
	}

	@Test
	void existingKnownFileIsModified() throws IOException {
		Path file = write("app.js", "one");
		start();
		write("app.js", "two");
		addAndSettle(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void missingKnownFileIsDeletedOnceAfterTheMaximumDelay() throws IOException {
		this.pending = new PendingChanges(Duration.ZERO, Duration.ofMillis(100));
		Path file = write("app.js", "one");
		start();
		Files.delete(file);
		this.pending.add(file);
		await().until(() -> !this.publisher.eventsFor(file).isEmpty());
		addAndSettle(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(DELETED);
	}

	@Test
	void missingKnownFileIsHeldUntilItIsNotifiedAgain() throws IOException {
		Path file = write("app.js", "one");
		start();
		Files.delete(file);
		addAndSettle(file);
		assertThat(this.publisher.eventsFor(file)).isEmpty();
		write("app.js", "two");
		addAndSettle(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void missingUnknownFileIsNothing() throws IOException {
		start();
		addAndSettle(this.root.resolve("fleeting.js"));
		assertThat(this.publisher.eventsFor(this.root.resolve("fleeting.js"))).isEmpty();
	}

	@Test
	void excludedFileIsNothing() throws IOException {
		start();
		Path file = write("app.js.map", "map");
		addAndSettle(file);
		assertThat(this.publisher.eventsFor(file)).isEmpty();
	}

	@Test
	void folderIsNothingButItsMissingFilesAreDeleted() throws IOException {
		Path gone = write("js/gone.js", "one");
		Path kept = write("js/kept.js", "one");
		start();
		Files.delete(gone);
		addAndSettle(this.root.resolve("js"));
		assertThat(this.publisher.events()).extracting(FileChangeEvent::getPath)
			.doesNotContain(this.root.resolve("js"));
		assertThat(this.publisher.kindsFor(gone)).containsExactly(DELETED);
		assertThat(this.publisher.eventsFor(kept)).isEmpty();
	}

	@Test
	void lateNotificationOfTheSameSaveIsDropped() throws IOException {
		Path file = write("app.js", "one");
		start();
		write("app.js", "two");
		addAndSettle(file);
		addAndSettle(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void changedBytesWithinTheSameSaveWindowArePublished() throws IOException {
		Path file = write("app.js", "one");
		start();
		write("app.js", "two");
		addAndSettle(file);
		write("app.js", "three");
		addAndSettle(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED, MODIFIED);
	}

	@Test
	void sameBytesAfterTheSameSaveWindowArePublished() throws IOException {
		Path file = write("app.js", "one");
		start(Duration.ZERO);
		write("app.js", "two");
		addAndSettle(file);
		addAndSettle(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED, MODIFIED);
	}

	@Test
	void emptyFileIsHeldUntilItIsNotifiedAgain() throws IOException {
		Path file = write("app.js", "one");
		start();
		write("app.js", "");
		addAndSettle(file);
		assertThat(this.publisher.eventsFor(file)).isEmpty();
		write("app.js", "two");
		addAndSettle(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void rescanAddsTheChangedFiles() throws IOException {
		Path modified = write("modified.js", "one");
		write("kept.js", "one");
		start();
		write("modified.js", "three");
		Path created = write("created.js", "one");
		this.pending.requestRescan();
		await().until(() -> this.publisher.events().size() == 2);
		assertThat(this.publisher.kindsFor(modified)).containsExactly(MODIFIED);
		assertThat(this.publisher.kindsFor(created)).containsExactly(CREATED);
	}

	private SourceRoots roots() {
		return SourceRoots.of(List.of(this.root), List.of(), List.of("**/*.map"));
	}

	private void start() {
		start(SAME_SAVE_WINDOW);
	}

	private void start(Duration sameSaveWindow) {
		this.knownFiles.scan();
		this.thread = new Thread(
				new ChangePublisher(this, roots(), this.pending, this.knownFiles, this.publisher, sameSaveWindow));
		this.thread.start();
	}

	/**
	 * Notify a change as the watcher does, and wait until it is handled.
	 */
	private void addAndSettle(Path path) throws IOException {
		this.pending.add(path);
		settle();
	}

	/**
	 * Add a marker file and wait for its event: changes added before are published by
	 * then.
	 */
	private void settle() throws IOException {
		Path marker = write("marker-" + (++this.markers) + ".txt", "marker");
		this.pending.add(marker);
		await().until(() -> !this.publisher.eventsFor(marker).isEmpty());
	}

	private Path write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
