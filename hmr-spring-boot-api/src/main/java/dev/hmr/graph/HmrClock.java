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
import java.util.concurrent.atomic.AtomicLong;

/**
 * HMR timestamps: epoch milliseconds (13 digits until the year 2286) that strictly
 * increase across all threads, as Vite's {@code monotonicDateNow}. Browsers strip
 * {@code ?t=} followed by exactly 13 digits, and two updates in the same millisecond must
 * still give different {@code ?t=} URLs.
 *
 * @since 0.1.0
 */
public final class HmrClock {

	private final Clock clock;

	private final AtomicLong last = new AtomicLong();

	/**
	 * Create a clock on the system UTC clock.
	 */
	public HmrClock() {
		this(Clock.systemUTC());
	}

	/**
	 * Create a clock on the given wall clock.
	 * @param clock the wall clock
	 */
	public HmrClock(Clock clock) {
		if (clock == null) {
			throw new IllegalArgumentException("'clock' must not be null");
		}
		this.clock = clock;
	}

	/**
	 * The next timestamp: the wall clock's milliseconds, or one more than the last
	 * timestamp handed out if the wall clock has not moved past it.
	 * @return the timestamp in epoch milliseconds
	 */
	public long nextTimestamp() {
		long now = this.clock.millis();
		return this.last.updateAndGet((last) -> Math.max(now, last + 1));
	}

}
