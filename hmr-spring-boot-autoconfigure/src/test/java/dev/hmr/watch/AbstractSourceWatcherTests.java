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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.FileSystemUtils;

import static dev.hmr.watch.FileChangeKind.CREATED;
import static dev.hmr.watch.FileChangeKind.DELETED;
import static dev.hmr.watch.FileChangeKind.MODIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SourceWatcher}, with real files and the real watcher, that hold for
 * both ways of receiving notifications: inotify ({@link SourceWatcherTests}) and the
 * portable watcher ({@link PortableSourceWatcherTests}). Most use a quiet period far
 * longer than the default, so that the coalescing rules are tested rather than the
 * machine's speed.
 */
abstract class AbstractSourceWatcherTests {

	static final Duration QUIET_PERIOD = Duration.ofMillis(100);

	static final Duration MAXIMUM_DELAY = Duration.ofSeconds(10);

	/**
	 * Maximum delay for tests that wait for deletions, which are held back that long.
	 */
	static final Duration SHORT_MAXIMUM_DELAY = Duration.ofMillis(300);

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path temp;

	Path root;

	final RecordingEventPublisher publisher = new RecordingEventPublisher();

	private final List<SourceWatcher> watchers = new ArrayList<>();

	private final AtomicInteger markers = new AtomicInteger();

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectories(this.temp.resolve("static"));
	}

	@AfterEach
	void stopWatchers() {
		this.watchers.forEach(SourceWatcher::stop);
	}

	@Test
	void quietPeriodMustNotBeLongerThanMaximumDelay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SourceWatcher(roots(), this.publisher, Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessageContaining("'maximumDelay'");
	}

	@Test
	void eventPublisherMustNotBeNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SourceWatcher(roots(), null))
			.withMessageContaining("'eventPublisher' must not be null");
	}

	@Test
	void modifyingAFilePublishesOneModifiedEvent() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start();
		write(file, "two");
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void creatingAFilePublishesOneCreatedEvent() throws IOException {
		start();
		Path file = write(this.root.resolve("app.js"), "one");
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED);
	}

	@Test
	void deletingAFilePublishesOneDeletedEventAfterTheMaximumDelay() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		startWithShortMaximumDelay();
		long start = System.nanoTime();
		Files.delete(file);
		awaitEventFor(file);
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(SHORT_MAXIMUM_DELAY.toNanos());
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(DELETED);
	}

	@Test
	void fileRenamedAwayIsHeldBackUntilTheNewFileIsWritten() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start(new SourceWatcher(roots(), this.publisher, Duration.ofMillis(1), MAXIMUM_DELAY));
		Files.move(file, this.root.resolve("app.js~"));
		settle(this.root);
		assertThat(this.publisher.eventsFor(file)).isEmpty();
		write(file, "two");
		awaitEventFor(file);
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void eventCarriesPathRootKindAndTimestamp() throws IOException {
		Path file = write(this.root.resolve("js/app.js"), "one");
		start();
		long before = System.currentTimeMillis();
		write(file, "two");
		await().atMost(TIMEOUT).until(() -> !this.publisher.eventsFor(file).isEmpty());
		FileChangeEvent event = this.publisher.eventsFor(file).get(0);
		assertThat(event.getPath()).isEqualTo(file.toAbsolutePath().normalize());
		assertThat(event.getRoot()).isEqualTo(this.root.toAbsolutePath().normalize());
		assertThat(event.getKind()).isEqualTo(MODIFIED);
		assertThat(event.getTimestamp()).isBetween(before, System.currentTimeMillis());
		assertThat(event.getSource()).isInstanceOf(SourceWatcher.class);
		assertThat(event.toString()).contains("MODIFIED").contains(Path.of("js", "app.js").toString());
	}

	@Test
	void eventsArePublishedOnThePublisherThreadNeverOnTheNotifiersThread() throws IOException {
		// the default quiet period: on Linux a finished save is due the moment it is read
		start(new SourceWatcher(roots(), this.publisher));
		Path file = write(this.root.resolve("app.js"), "one");
		write(file, "two");
		settle(this.root);
		assertThat(this.publisher.threadNames()).isNotEmpty()
			.allSatisfy((name) -> assertThat(name).isEqualTo("hmr-watcher-publisher"));
	}

	@Test
	void listenerThatBlocksDoesNotStopLaterSavesFromBeingRead() throws Exception {
		CountDownLatch blocked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<FileChangeEvent> received = new CopyOnWriteArrayList<>();
		ApplicationEventPublisher blocking = (event) -> {
			FileChangeEvent change = (FileChangeEvent) event;
			received.add(change);
			if (change.getPath().endsWith("first.js")) {
				blocked.countDown();
				try {
					release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		};
		SourceWatcher watcher = start(new SourceWatcher(roots(), blocking, Duration.ofMillis(1), MAXIMUM_DELAY));
		write(this.root.resolve("first.js"), "one");
		assertThat(blocked.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		Path second = write(this.root.resolve("second.js"), "two").toAbsolutePath().normalize();
		Path third = write(this.root.resolve("third.js"), "three").toAbsolutePath().normalize();
		// read and pending while the publisher is still in the listener
		await().atMost(TIMEOUT).until(() -> watcher.pendingPaths().containsAll(List.of(second, third)));
		assertThat(received).extracting(FileChangeEvent::getPath).noneMatch((path) -> path.endsWith("second.js"));
		release.countDown();
		await().atMost(TIMEOUT)
			.until(() -> received.stream().map(FileChangeEvent::getPath).toList().containsAll(List.of(second, third)));
		assertThat(received).filteredOn((event) -> !event.getPath().endsWith("first.js"))
			.extracting(FileChangeEvent::getKind)
			.containsOnly(CREATED);
	}

	@Test
	void notificationsAreReceivedThroughTheWatchersOwnClassLoader() throws Exception {
		Assumptions.assumeTrue(isolated());
		SourceWatcher watcher = start();
		Notifiers.Notifier notifier = watcher.notifier();
		assertThat(notifier).isNotNull();
		ClassLoader application = getClass().getClassLoader();
		ClassLoader isolated = notifier.getClass().getClassLoader();
		assertThat(isolated).isNotSameAs(application).isInstanceOf(IsolatedNotifiers.IsolatingClassLoader.class);
		assertThat(notifier.getClass().getPackageName()).isEqualTo("dev.hmr.watch.nativeio");
		for (String name : List.of("com.sun.jna.Native", "io.methvin.watcher.DirectoryWatcher")) {
			Class<?> used = isolated.loadClass(name);
			assertThat(used).isNotSameAs(Class.forName(name, false, application));
			assertThat(used.getProtectionDomain().getCodeSource().getLocation().toString())
				.contains("META-INF/hmr/lib/");
		}
		assertThat(isolated.getResource("com/sun/jna/Native.class").toString()).contains("META-INF/hmr/lib/jna.jar");
		// what both sides share is loaded once, by the application's class loader
		assertThat(isolated.loadClass(Notifiers.class.getName())).isSameAs(Notifiers.class);
		assertThat(isolated.loadClass(Notification.class.getName())).isSameAs(Notification.class);
		Path file = write(this.root.resolve("app.js"), "one");
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED);
	}

	@Test
	void fileInANewFolderIsPublishedAsCreated() throws IOException {
		start();
		Path file = write(this.root.resolve("a/b/c/app.js"), "one");
		settle(file.getParent());
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED);
		Path later = write(this.root.resolve("a/b/c/later.js"), "two");
		settle(later.getParent());
		assertThat(this.publisher.kindsFor(later)).containsExactly(CREATED);
	}

	@Test
	void renamingAFilePublishesDeletedForTheOldNameAndCreatedForTheNew() throws IOException {
		Path file = write(this.root.resolve("old.js"), "one");
		startWithShortMaximumDelay();
		Path renamed = Files.move(file, this.root.resolve("new.js"));
		awaitEventFor(file);
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(DELETED);
		assertThat(this.publisher.kindsFor(renamed)).containsExactly(CREATED);
	}

	@Test
	void atomicSaveOverAFilePublishesOneModifiedEventAndNothingForTheTemporaryFile() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start();
		Path temporary = write(this.root.resolve("app.js.tmp"), "two");
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
		assertThat(this.publisher.eventsFor(temporary)).isEmpty();
	}

	@Test
	void atomicSaveWithTheDefaultQuietPeriodPublishesOneModifiedEvent() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start(new SourceWatcher(roots(), this.publisher));
		Path swap = write(this.root.resolve(".app.js.swp"), "two");
		Files.move(swap, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
		assertThat(this.publisher.eventsFor(swap)).isEmpty();
	}

	@Test
	void vimStyleSaveThatRenamesTheFileAwayPublishesOneModifiedEvent() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start();
		Path probe = write(this.root.resolve("4913"), "");
		Files.delete(probe);
		Path backup = Files.move(file, this.root.resolve("app.js~"));
		write(file, "two");
		Files.delete(backup);
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void truncateThenWritePublishesOneEvent() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start();
		try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(StandardCharsets.UTF_8.encode("two"));
		}
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void emptiedFileIsHeldBackUntilItIsWrittenAgain() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start(new SourceWatcher(roots(), this.publisher, Duration.ofMillis(1), MAXIMUM_DELAY));
		Files.write(file, new byte[0]);
		settle(this.root);
		assertThat(this.publisher.eventsFor(file)).isEmpty();
		write(file, "two");
		await().atMost(TIMEOUT).until(() -> !this.publisher.eventsFor(file).isEmpty());
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(MODIFIED);
	}

	@Test
	void emptyFileIsPublishedAfterTheMaximumDelay() throws IOException {
		start(new SourceWatcher(roots(), this.publisher, Duration.ofMillis(1), Duration.ofMillis(200)));
		Path file = write(this.root.resolve("empty.js"), "");
		await().atMost(TIMEOUT).until(() -> !this.publisher.eventsFor(file).isEmpty());
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED);
	}

	@Test
	void fileSavedAgainUnchangedIsPublishedAgainAfterTheMaximumDelay() throws IOException {
		Path file = write(this.root.resolve("app.js"), "one");
		start(new SourceWatcher(roots(), this.publisher, Duration.ofMillis(1), Duration.ofMillis(100)));
		write(file, "two");
		await().atMost(TIMEOUT).until(() -> !this.publisher.eventsFor(file).isEmpty());
		// Saved with the same bytes until a save falls outside the same-save window.
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
			write(file, "two");
			return this.publisher.eventsFor(file).size() > 1;
		});
		assertThat(this.publisher.kindsFor(file)).containsOnly(MODIFIED);
	}

	@Test
	void createdThenDeletedWithinTheQuietPeriodPublishesNothing() throws IOException {
		start();
		Path file = write(this.root.resolve("fleeting.js"), "one");
		Files.delete(file);
		settle(this.root);
		assertThat(this.publisher.eventsFor(file)).isEmpty();
	}

	@Test
	void twoFilesSavedTogetherPublishAnEventEach() throws IOException {
		Path first = write(this.root.resolve("first.js"), "one");
		start();
		write(first, "two");
		Path second = write(this.root.resolve("second.css"), "one");
		settle(this.root);
		assertThat(this.publisher.kindsFor(first)).containsExactly(MODIFIED);
		assertThat(this.publisher.kindsFor(second)).containsExactly(CREATED);
	}

	@Test
	void editorAndToolFilesAreIgnored() throws IOException {
		Files.createDirectories(this.root.resolve(".git"));
		start();
		for (String name : List.of(".app.js.swp", ".app.js.swx", "app.js~", "#app.js#", ".#app.js", "app.js.tmp",
				"4913", ".DS_Store", "app.js___jb_tmp___", ".git/index", "node_modules/lib/index.js",
				".idea/workspace.xml", "js/node_modules/lib/index.js")) {
			write(this.root.resolve(name), "ignored");
		}
		settle(this.root);
		assertThat(this.publisher.events()).extracting(FileChangeEvent::getPath)
			.allSatisfy((path) -> assertThat(path.getFileName().toString()).startsWith("marker-"));
	}

	@Test
	void includeAndExcludeGlobsSelectTheFiles() throws IOException {
		SourceRoots roots = SourceRoots.of(List.of(this.root), List.of("**/*.js", "**/*.txt"), List.of("vendor/**"));
		start(new SourceWatcher(roots, this.publisher, QUIET_PERIOD, MAXIMUM_DELAY));
		Path script = write(this.root.resolve("app.js"), "one");
		Path nested = write(this.root.resolve("js/app.js"), "one");
		Path style = write(this.root.resolve("app.css"), "one");
		Path vendor = write(this.root.resolve("vendor/lib.js"), "one");
		settle(this.root);
		assertThat(this.publisher.kindsFor(script)).containsExactly(CREATED);
		assertThat(this.publisher.kindsFor(nested)).containsExactly(CREATED);
		assertThat(this.publisher.eventsFor(style)).isEmpty();
		assertThat(this.publisher.eventsFor(vendor)).isEmpty();
	}

	@Test
	void everyRootIsWatched() throws IOException {
		Path templates = Files.createDirectories(this.temp.resolve("templates"));
		start(new SourceWatcher(SourceRoots.of(List.of(this.root, templates), List.of(), List.of()), this.publisher,
				QUIET_PERIOD, MAXIMUM_DELAY));
		Path script = write(this.root.resolve("app.js"), "one");
		Path page = write(templates.resolve("index.html"), "one");
		settle(this.root);
		settle(templates);
		assertThat(this.publisher.eventsFor(script)).singleElement()
			.satisfies((event) -> assertThat(event.getRoot()).isEqualTo(this.root.toAbsolutePath()));
		assertThat(this.publisher.eventsFor(page)).singleElement()
			.satisfies((event) -> assertThat(event.getRoot()).isEqualTo(templates.toAbsolutePath()));
	}

	@Test
	void nestedRootsPublishOneEventWithTheRootOfHigherPrecedence() throws IOException {
		Path resources = this.temp;
		start(new SourceWatcher(SourceRoots.of(List.of(this.root, resources), List.of(), List.of()), this.publisher,
				QUIET_PERIOD, MAXIMUM_DELAY));
		Path script = write(this.root.resolve("app.js"), "one");
		settle(this.root);
		assertThat(this.publisher.eventsFor(script)).singleElement()
			.satisfies((event) -> assertThat(event.getRoot()).isEqualTo(this.root.toAbsolutePath()));
	}

	@Test
	void deletingAFolderPublishesDeletedForEachOfItsFiles() throws IOException {
		Path first = write(this.root.resolve("js/a/first.js"), "one");
		Path second = write(this.root.resolve("js/second.js"), "one");
		startWithShortMaximumDelay();
		deleteRecursively(this.root.resolve("js"));
		awaitEventFor(first);
		awaitEventFor(second);
		settle(this.root);
		assertThat(this.publisher.kindsFor(first)).containsExactly(DELETED);
		assertThat(this.publisher.kindsFor(second)).containsExactly(DELETED);
	}

	@Test
	void movingAFolderOutOfTheRootPublishesDeletedForEachOfItsFiles() throws IOException {
		Path first = write(this.root.resolve("js/a/first.js"), "one");
		Path second = write(this.root.resolve("js/second.js"), "one");
		start();
		Files.move(this.root.resolve("js"), this.temp.resolve("moved"));
		settle(this.root);
		assertThat(this.publisher.kindsFor(first)).containsExactly(DELETED);
		assertThat(this.publisher.kindsFor(second)).containsExactly(DELETED);
		// no longer watched where it went
		write(this.temp.resolve("moved/a/first.js"), "two");
		write(this.temp.resolve("moved/third.js"), "one");
		settle(this.root);
		assertThat(this.publisher.events()).allSatisfy((event) -> assertThat(event.getPath()).startsWithRaw(this.root));
	}

	@Test
	void movingAFolderIntoTheRootPublishesCreatedForEachOfItsFiles() throws IOException {
		Path outside = write(this.temp.resolve("outside/js/app.js"), "one");
		start();
		Files.move(outside.getParent().getParent(), this.root.resolve("moved"));
		settle(this.root);
		assertThat(this.publisher.kindsFor(this.root.resolve("moved/js/app.js"))).containsExactly(CREATED);
	}

	@Test
	void listenerThatThrowsDoesNotStopTheWatcher() throws IOException {
		List<FileChangeEvent> received = new CopyOnWriteArrayList<>();
		ApplicationEventPublisher failing = (event) -> {
			received.add((FileChangeEvent) event);
			throw new IllegalStateException("Listener failure");
		};
		start(new SourceWatcher(roots(), failing, QUIET_PERIOD, MAXIMUM_DELAY));
		write(this.root.resolve("first.js"), "one");
		await().atMost(TIMEOUT)
			.until(() -> received.stream().anyMatch((event) -> event.getPath().endsWith("first.js")));
		write(this.root.resolve("second.js"), "one");
		await().atMost(TIMEOUT)
			.until(() -> received.stream().anyMatch((event) -> event.getPath().endsWith("second.js")));
	}

	@Test
	void foldersThatVanishWhileTheyAreRegisteredDoNotStopTheWatcher() throws IOException {
		start();
		for (int i = 0; i < 50; i++) {
			Path folder = Files.createDirectories(this.root.resolve("fleeting/a/b/c"));
			write(folder.resolve("app.js"), "one");
			deleteRecursively(this.root.resolve("fleeting"));
		}
		Path file = write(this.root.resolve("js/app.js"), "one");
		settle(file.getParent());
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED);
	}

	@Test
	void stopEndsTheThreadsAndReleasesTheWatchService() throws IOException {
		int fileSystemWatchers = threadsNamed("FileSystemWatcher").size();
		// watchers of application contexts cached by other test classes run in this JVM
		// too
		Set<Thread> others = threadsNamed("hmr-watcher");
		SourceWatcher watcher = start();
		assertThat(watcher.isRunning()).isTrue();
		Set<Thread> threads = threadsNamed("hmr-watcher");
		threads.removeAll(others);
		assertThat(threads).extracting(Thread::getName)
			.containsExactlyInAnyOrder("hmr-watcher", "hmr-watcher-publisher");
		assertThat(threads).allMatch(Thread::isDaemon);
		watcher.stop();
		assertThat(watcher.isRunning()).isFalse();
		assertThat(threads).noneMatch(Thread::isAlive);
		await().atMost(TIMEOUT).until(() -> threadsNamed("FileSystemWatcher").size() <= fileSystemWatchers);
	}

	@Test
	void stoppedWatcherPublishesNothingAndCanBeStartedAgain() throws IOException {
		SourceWatcher watcher = start();
		watcher.stop();
		Path ignored = write(this.root.resolve("ignored.js"), "one");
		watcher.start();
		Path file = write(this.root.resolve("app.js"), "one");
		settle(this.root);
		assertThat(this.publisher.eventsFor(ignored)).isEmpty();
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED);
	}

	@Test
	void deletingARootStopsWatchingItButNotTheOthers() throws IOException {
		Path templates = Files.createDirectories(this.temp.resolve("templates"));
		SourceWatcher watcher = start(
				new SourceWatcher(SourceRoots.of(List.of(this.root, templates), List.of(), List.of()), this.publisher,
						QUIET_PERIOD, MAXIMUM_DELAY));
		deleteRecursively(this.root);
		Path page = write(templates.resolve("index.html"), "one");
		settle(templates);
		assertThat(this.publisher.kindsFor(page)).containsExactly(CREATED);
		watcher.stop();
		assertThat(watcher.isRunning()).isFalse();
	}

	@Test
	void rootDeletedBeforeStartIsNotWatched() throws IOException {
		SourceWatcher watcher = new SourceWatcher(roots(), this.publisher, QUIET_PERIOD, MAXIMUM_DELAY);
		deleteRecursively(this.root);
		start(watcher);
		assertThat(watcher.isRunning()).isTrue();
		watcher.stop();
	}

	@Test
	void warmUpPublishesNothing() throws IOException {
		start();
		// while the watcher runs: its scratch files are elsewhere, its events go nowhere
		new WatcherWarmUp(2_000).run();
		Path file = write(this.root.resolve("app.js"), "one");
		settle(this.root);
		assertThat(this.publisher.kindsFor(file)).containsExactly(CREATED);
		assertThat(this.publisher.events()).allSatisfy((event) -> assertThat(event.getPath()).startsWithRaw(this.root));
	}

	@Test
	void warmUpRoundsMustNotBeNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WatcherWarmUp(-1)).withMessageContaining("'rounds'");
	}

	@Test
	void watcherWithoutRootsStartsAndStops() {
		SourceWatcher watcher = start(
				new SourceWatcher(SourceRoots.of(List.of(), List.of(), List.of()), this.publisher));
		assertThat(watcher.isRunning()).isTrue();
		watcher.stop();
		assertThat(watcher.isRunning()).isFalse();
	}

	/**
	 * Whether the watchers under test use the portable watcher rather than inotify.
	 * @return whether to turn {@link SourceWatcher#setInotify(boolean) inotify} off
	 */
	abstract boolean portable();

	/**
	 * Whether the watchers under test load their notifiers in their own class loader,
	 * rather than falling back to the JDK's {@code WatchService} alone.
	 * @return whether to use the isolated notifiers
	 */
	boolean isolated() {
		return true;
	}

	SourceRoots roots() {
		return SourceRoots.of(List.of(this.root), List.of(), List.of());
	}

	SourceWatcher start() {
		return start(new SourceWatcher(roots(), this.publisher, QUIET_PERIOD, MAXIMUM_DELAY));
	}

	private SourceWatcher startWithShortMaximumDelay() {
		return start(new SourceWatcher(roots(), this.publisher, QUIET_PERIOD, SHORT_MAXIMUM_DELAY));
	}

	SourceWatcher start(SourceWatcher watcher) {
		watcher.setInotify(!portable());
		watcher.setIsolated(isolated());
		this.watchers.add(watcher);
		watcher.start();
		return watcher;
	}

	/**
	 * Write a marker file in the folder and wait for its event: changes made before were
	 * notified before it, so they are published by then.
	 */
	void settle(Path folder) throws IOException {
		Path marker = write(folder.resolve("marker-" + this.markers.incrementAndGet() + ".txt"), "marker");
		await().atMost(TIMEOUT).until(() -> !this.publisher.eventsFor(marker).isEmpty());
	}

	void awaitEventFor(Path file) {
		await().atMost(TIMEOUT).until(() -> !this.publisher.eventsFor(file).isEmpty());
	}

	static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	private static void deleteRecursively(Path folder) throws IOException {
		FileSystemUtils.deleteRecursively(folder);
	}

	private static Set<Thread> threadsNamed(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(prefix))
			.collect(Collectors.toSet());
	}

}
