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

package dev.hmr.graph;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrClock}.
 */
class HmrClockTests {

	private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

	@Test
	void timestampsIncreaseWhileTheWallClockStandsStill() {
		HmrClock clock = new HmrClock(Clock.fixed(NOW, ZoneOffset.UTC));
		long first = clock.nextTimestamp();
		assertThat(first).isEqualTo(NOW.toEpochMilli());
		assertThat(clock.nextTimestamp()).isEqualTo(first + 1);
		assertThat(clock.nextTimestamp()).isEqualTo(first + 2);
	}

	@Test
	void timestampsFollowTheWallClockOnceItMovesAhead() {
		MutableClock wall = new MutableClock(NOW);
		HmrClock clock = new HmrClock(wall);
		clock.nextTimestamp();
		clock.nextTimestamp();
		wall.instant = NOW.plusSeconds(1);
		assertThat(clock.nextTimestamp()).isEqualTo(NOW.plusSeconds(1).toEpochMilli());
	}

	@Test
	void timestampsNeverGoBackWhenTheWallClockDoes() {
		MutableClock wall = new MutableClock(NOW);
		HmrClock clock = new HmrClock(wall);
		long first = clock.nextTimestamp();
		wall.instant = NOW.minusSeconds(60);
		assertThat(clock.nextTimestamp()).isEqualTo(first + 1);
	}

	@Test
	void systemTimestampsHaveThirteenDigits() {
		assertThat(Long.toString(new HmrClock().nextTimestamp())).hasSize(13);
	}

	@Test
	void timestampsAreUniqueAcrossThreads() throws Exception {
		HmrClock clock = new HmrClock(Clock.fixed(NOW, ZoneOffset.UTC));
		int threads = 4;
		int perThread = 10_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<Long>>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					List<Long> timestamps = new ArrayList<>(perThread);
					for (int j = 0; j < perThread; j++) {
						timestamps.add(clock.nextTimestamp());
					}
					return timestamps;
				}));
			}
			start.countDown();
			Set<Long> all = new HashSet<>();
			for (Future<List<Long>> future : futures) {
				List<Long> timestamps = future.get();
				assertThat(timestamps).isSorted();
				all.addAll(timestamps);
			}
			assertThat(all).hasSize(threads * perThread);
		}
		finally {
			executor.shutdownNow();
		}
	}

	static final class MutableClock extends Clock {

		volatile Instant instant;

		MutableClock(Instant instant) {
			this.instant = instant;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

	}

}
