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

package dev.hmr.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.hmr.payload.HotPayloadCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The warm-up runs what serves a first page at once, and its rounds, the engine's and the
 * watcher's, only once no request has started for {@link HmrWarmUp#QUIET}.
 */
class HmrWarmUpQuietTests {

	@Test
	void roundsWaitWhileRequestsComeAndRunOnceTheyStop() {
		AtomicBoolean busy = new AtomicBoolean(true);
		AtomicInteger looks = new AtomicInteger();
		AtomicBoolean served = new AtomicBoolean();
		HmrWarmUp warmUp = new HmrWarmUp(new HotPayloadCodec(), 10);
		warmUp.setServingWarmUp((pause) -> served.set(true));
		warmUp.setLastRequestStart(() -> {
			looks.incrementAndGet();
			// a request that just started, or one long ago
			return busy.get() ? System.nanoTime() : System.nanoTime() - Duration.ofMinutes(1).toNanos();
		});
		Thread thread = new Thread(warmUp, "warm-up-under-test");
		thread.setDaemon(true);
		thread.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(served::get);
			// ten rounds take milliseconds: still running means they wait
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(thread::isAlive);
			assertThat(looks.get()).isPositive();
			busy.set(false);
			await().atMost(Duration.ofSeconds(5)).until(() -> !thread.isAlive());
		}
		finally {
			thread.interrupt();
		}
	}

	@Test
	void theWatchersSavesWaitWhileRequestsComeToo() {
		AtomicBoolean released = new AtomicBoolean();
		AtomicInteger looks = new AtomicInteger();
		// 1,000 rounds of the engine look at the requests four times, one every 250; its
		// 500 saves of the watcher's, twice
		HmrWarmUp warmUp = new HmrWarmUp(new HotPayloadCodec(), 1_000);
		warmUp.setLastRequestStart(() -> {
			// quiet until the watcher's saves are under way, then requests come until
			// released
			boolean quiet = looks.incrementAndGet() <= 5 || released.get();
			return quiet ? System.nanoTime() - Duration.ofMinutes(1).toNanos() : System.nanoTime();
		});
		Thread thread = new Thread(warmUp, "warm-up-under-test");
		thread.setDaemon(true);
		thread.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> looks.get() > 5);
			// the rest of the saves take milliseconds: still running means they wait
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(thread::isAlive);
			released.set(true);
			await().atMost(Duration.ofSeconds(10)).until(() -> !thread.isAlive());
		}
		finally {
			thread.interrupt();
		}
	}

	@Test
	void theServingWarmUpIsGivenAPauseThatWaitsWhileRequestsCome() {
		AtomicBoolean busy = new AtomicBoolean(true);
		AtomicBoolean requested = new AtomicBoolean();
		HmrWarmUp warmUp = new HmrWarmUp(new HotPayloadCodec(), 10);
		// as HmrServingWarmUp does before its requests for the scratch modules
		warmUp.setServingWarmUp((pause) -> {
			pause.run();
			requested.set(true);
		});
		warmUp.setLastRequestStart(
				() -> busy.get() ? System.nanoTime() : System.nanoTime() - Duration.ofMinutes(1).toNanos());
		Thread thread = new Thread(warmUp, "warm-up-under-test");
		thread.setDaemon(true);
		thread.start();
		try {
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !requested.get());
			busy.set(false);
			await().atMost(Duration.ofSeconds(5)).until(requested::get);
		}
		finally {
			thread.interrupt();
		}
	}

}
