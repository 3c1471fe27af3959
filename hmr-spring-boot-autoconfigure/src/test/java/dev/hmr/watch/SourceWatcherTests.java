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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static dev.hmr.watch.FileChangeKind.MODIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SourceWatcher} on Linux, where it reads inotify itself and so knows
 * when a save is finished: a save is published at once, whatever the quiet period, and a
 * file still open for writing waits for its writer.
 */
@EnabledOnOs(OS.LINUX)
class SourceWatcherTests extends AbstractSourceWatcherTests {

	/**
	 * A quiet period no test waits for: an event that comes within the timeout did not
	 * wait for it.
	 */
	private static final Duration ENDLESS = Duration.ofMinutes(10);

	@Override
	boolean portable() {
		return false;
	}

	@Test
	void inotifyIsAvailable() {
		assertThat(IsolatedNotifiers.get().inotifyUnavailableReason()).isNull();
		assertThat(start().notifier()).hasToString("inotify");
	}

	@Test
	void applicationsOwnJnaWorksBesideTheWatchers() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start();
		// the application's JNA, loaded and native beside the watcher's own
		try (Memory memory = new Memory(8)) {
			memory.setLong(0, 42);
			assertThat(memory.getLong(0)).isEqualTo(42);
		}
		assertThat(Native.class.getClassLoader()).isSameAs(getClass().getClassLoader());
		write(file, "two");
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void finishedSaveIsPublishedWithoutWaitingForTheQuietPeriod() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start(new SourceWatcher(roots(), this.publisher, ENDLESS, ENDLESS));
		write(file, "two");
		awaitEventFor(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void saveRenamedIntoPlaceIsPublishedWithoutWaitingForTheQuietPeriod() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start(new SourceWatcher(roots(), this.publisher, ENDLESS, ENDLESS));
		Path temporary = write(this.root.resolve("app.js.tmp"), "two");
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		awaitEventFor(file);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
		assertThat(this.publisher.eventsFor(temporary)).isEmpty();
	}

	@Test
	void saveWrittenInPiecesIsOneEventHoweverLongItsWriterPauses() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start(new SourceWatcher(roots(), this.publisher, Duration.ofMillis(1), MAXIMUM_DELAY));
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(ByteBuffer.wrap("export const a = 1;\n".getBytes(StandardCharsets.UTF_8)));
			// far longer than the quiet period: the file is still open for writing
			await().during(Duration.ofMillis(200))
				.atMost(TIMEOUT)
				.until(() -> this.publisher.eventsFor(file).isEmpty());
			channel.write(ByteBuffer.wrap("import.meta.hot.accept();\n".getBytes(StandardCharsets.UTF_8)));
		}
		awaitEventFor(file);
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void fileKeptOpenForWritingIsPublishedAtTheMaximumDelay() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start(new SourceWatcher(roots(), this.publisher, Duration.ofMillis(1), SHORT_MAXIMUM_DELAY));
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			long start = System.nanoTime();
			channel.write(ByteBuffer.wrap(" and two".getBytes(StandardCharsets.UTF_8)));
			awaitEventFor(file);
			assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(SHORT_MAXIMUM_DELAY.toNanos());
		}
		// its close, with the bytes just published, is the same save
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void foldersAreWatchedAsTheyAppearAndNoLongerOnceMovedAwayOrDeleted() throws IOException {
		Path ignored = Files.createDirectories(this.root.resolve("node_modules/lib"));
		SourceWatcher watcher = start();
		assertThat(watcher.watchedFolders()).containsExactly(this.root);
		Path nested = Files.createDirectories(this.root.resolve("js/a/b"));
		await().atMost(TIMEOUT).until(() -> watcher.watchedFolders().contains(nested));
		assertThat(watcher.watchedFolders()).containsExactlyInAnyOrder(this.root, this.root.resolve("js"),
				this.root.resolve("js/a"), nested);
		Files.move(this.root.resolve("js"), this.temp.resolve("moved"));
		await().atMost(TIMEOUT).until(() -> watcher.watchedFolders().equals(List.of(this.root)));
		Path css = Files.createDirectories(this.root.resolve("css"));
		await().atMost(TIMEOUT).until(() -> watcher.watchedFolders().contains(css));
		Files.delete(css);
		await().atMost(TIMEOUT).until(() -> watcher.watchedFolders().equals(List.of(this.root)));
		assertThat(watcher.watchedFolders()).doesNotContain(ignored, ignored.getParent());
	}

	@Test
	void burstOfSavesPublishesTheFirstAtOnceAndTheRestAsOneEvent() throws IOException {
		Path file = write(this.root.resolve("app.js"), "zero");
		start();
		for (int i = 1; i <= 20; i++) {
			write(file, "write " + i);
		}
		settle(this.root);
		// the first save may be seen emptied by the second, and then waits with the rest
		assertThat(this.publisher.kindsFor(file)).hasSizeBetween(1, 2).containsOnly(MODIFIED);
	}

}
