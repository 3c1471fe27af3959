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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PendingChanges}, on a clock that moves only when told to.
 */
class PendingChangesTests {

	private static final Path APP = Path.of("/root/app.js");

	private static final Path STYLE = Path.of("/root/style.css");

	private final AtomicLong nanoTime = new AtomicLong(1_000);

	private final AtomicLong wallTime = new AtomicLong(1_700_000_000_000L);

	private final PendingChanges pending = new PendingChanges(Duration.ofMillis(5), Duration.ofMillis(100),
			this.nanoTime::get, this.wallTime::get);

	@Test
	void maximumDelayMustNotBeShorterThanTheQuietPeriod() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PendingChanges(Duration.ofMillis(5), Duration.ofMillis(4)))
			.withMessageContaining("'maximumDelay'");
	}

	@Test
	void changeIsDueOnceItsPathHasBeenQuietForTheQuietPeriod() {
		this.pending.add(APP);
		advance(4);
		assertThat(this.pending.pollDue()).isEmpty();
		advance(1);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
		assertThat(this.pending.pollDue()).isEmpty();
	}

	@Test
	void notificationsWithinTheQuietPeriodAreOneChange() {
		this.pending.add(APP);
		advance(3);
		this.pending.add(APP);
		advance(3);
		this.pending.add(APP);
		advance(4);
		assertThat(this.pending.pollDue()).isEmpty();
		advance(1);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void changeCarriesTheTimeOfItsLastNotification() {
		this.pending.add(APP);
		advance(2);
		this.wallTime.addAndGet(2);
		this.pending.add(APP);
		advance(5);
		assertThat(this.pending.pollDue()).singleElement()
			.satisfies((change) -> assertThat(change.observedAt()).isEqualTo(1_700_000_000_002L));
	}

	@Test
	void pathsAreIndependent() {
		this.pending.add(APP);
		advance(3);
		this.pending.add(STYLE);
		advance(2);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
		advance(3);
		assertThat(paths(this.pending.pollDue())).containsExactly(STYLE);
	}

	@Test
	void dueChangesAreInTheOrderTheirPathsFirstChanged() {
		this.pending.add(STYLE);
		this.pending.add(APP);
		this.pending.add(STYLE);
		advance(5);
		assertThat(paths(this.pending.pollDue())).containsExactly(STYLE, APP);
	}

	@Test
	void pathThatKeepsChangingIsDueAtTheMaximumDelay() {
		this.pending.add(APP);
		for (int i = 0; i < 24; i++) {
			advance(4);
			this.pending.add(APP);
			assertThat(this.pending.pollDue()).isEmpty();
		}
		advance(4);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void heldChangeIsDueAtTheMaximumDelay() {
		this.pending.add(APP);
		advance(5);
		PendingChange change = this.pending.pollDue().get(0);
		assertThat(this.pending.hold(change)).isTrue();
		advance(94);
		assertThat(this.pending.pollDue()).isEmpty();
		advance(1);
		PendingChange due = this.pending.pollDue().get(0);
		assertThat(due.path()).isEqualTo(APP);
		assertThat(this.pending.hold(due)).as("held past the maximum delay").isFalse();
	}

	@Test
	void heldChangeThatIsNotifiedAgainIsDueAfterTheQuietPeriod() {
		this.pending.add(APP);
		advance(5);
		this.pending.hold(this.pending.pollDue().get(0));
		advance(20);
		this.pending.add(APP);
		advance(5);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void holdMergesWithANotificationReceivedMeanwhile() {
		this.pending.add(APP);
		advance(5);
		PendingChange change = this.pending.pollDue().get(0);
		this.pending.add(APP);
		assertThat(this.pending.hold(change)).isTrue();
		for (int i = 0; i < 23; i++) {
			advance(4);
			this.pending.add(APP);
		}
		advance(3);
		assertThat(paths(this.pending.pollDue())).as("due at the maximum delay after the first notification")
			.containsExactly(APP);
	}

	@Test
	void awaitDueReturnsFalseOnceClosed() throws Exception {
		CompletableFuture<Boolean> awaited = CompletableFuture.supplyAsync(this::awaitDue);
		this.pending.close();
		assertThat(awaited.get(10, TimeUnit.SECONDS)).isFalse();
		assertThat(this.pending.isClosed()).isTrue();
	}

	@Test
	void awaitDueReturnsWhenARescanIsRequested() throws Exception {
		CompletableFuture<Boolean> awaited = CompletableFuture.supplyAsync(this::awaitDue);
		this.pending.requestRescan();
		assertThat(awaited.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.pending.pollDue()).isEmpty();
		assertThat(this.pending.takeRescanRequest()).isTrue();
		assertThat(this.pending.takeRescanRequest()).isFalse();
	}

	@Test
	void awaitDueWaitsForTheQuietPeriodOnTheRealClock() throws Exception {
		PendingChanges pending = new PendingChanges(Duration.ofMillis(5), Duration.ofMillis(100));
		long start = System.nanoTime();
		pending.add(APP);
		assertThat(pending.awaitDue()).isTrue();
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(5).toNanos());
		assertThat(paths(pending.pollDue())).containsExactly(APP);
	}

	@Test
	void finishedSaveIsDueAtOnce() {
		this.pending.add(APP, Notification.WRITING);
		this.pending.add(APP, Notification.WRITING);
		this.pending.add(APP, Notification.WRITTEN);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void fileRenamedIntoPlaceIsDueAtOnce() {
		this.pending.add(APP, Notification.CHANGED);
		this.pending.add(APP, Notification.MOVED_IN);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void fileOpenForWritingWaitsForItsWriterUntilTheMaximumDelay() {
		this.pending.add(APP, Notification.WRITING);
		advance(99);
		assertThat(this.pending.pollDue()).as("quiet for longer than the quiet period, but not closed").isEmpty();
		advance(1);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void newFileWaitsForTheQuietPeriodOnceWritten() {
		this.pending.add(APP, Notification.CREATED);
		this.pending.add(APP, Notification.WRITING);
		this.pending.add(APP, Notification.WRITTEN);
		assertThat(this.pending.pollDue()).as("most likely a temporary file").isEmpty();
		advance(5);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void notificationAfterAFinishedSaveWaitsForTheQuietPeriod() {
		this.pending.add(APP, Notification.WRITTEN);
		this.pending.add(APP, Notification.CHANGED);
		assertThat(this.pending.pollDue()).isEmpty();
		advance(5);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void saveFinishedWithinTheQuietPeriodAfterTheLastTakenChangeIsCoalescedAsABurst() {
		this.pending.add(APP, Notification.WRITTEN);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
		advance(4);
		this.pending.add(APP, Notification.WRITTEN);
		assertThat(this.pending.pollDue()).isEmpty();
		advance(2);
		this.pending.add(APP, Notification.WRITTEN);
		assertThat(this.pending.pollDue()).as("still within the quiet period of the burst").isEmpty();
		advance(5);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
		advance(5);
		this.pending.add(APP, Notification.WRITTEN);
		assertThat(paths(this.pending.pollDue())).as("a save after a quiet period").containsExactly(APP);
	}

	@Test
	void heldChangeThatIsSavedAgainIsDueAtOnce() {
		this.pending.add(APP, Notification.WRITTEN);
		PendingChange emptied = this.pending.pollDue().get(0);
		advance(10);
		assertThat(this.pending.hold(emptied)).isTrue();
		assertThat(this.pending.pollDue()).isEmpty();
		this.pending.add(APP, Notification.WRITING);
		this.pending.add(APP, Notification.WRITTEN);
		assertThat(paths(this.pending.pollDue())).containsExactly(APP);
	}

	@Test
	void awaitDueWakesForAFinishedSaveOfAPendingChange() throws Exception {
		PendingChanges pending = new PendingChanges(Duration.ofMinutes(1), Duration.ofMinutes(2));
		pending.add(APP, Notification.WRITING);
		CompletableFuture<Boolean> due = CompletableFuture.supplyAsync(() -> {
			try {
				return pending.awaitDue();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		pending.add(APP, Notification.WRITTEN);
		assertThat(due.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(paths(pending.pollDue())).containsExactly(APP);
	}

	private boolean awaitDue() {
		try {
			return this.pending.awaitDue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void advance(long millis) {
		this.nanoTime.addAndGet(Duration.ofMillis(millis).toNanos());
	}

	private static List<Path> paths(List<PendingChange> changes) {
		return changes.stream().map(PendingChange::path).toList();
	}

}
