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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UpdateHistory}.
 */
class UpdateHistoryTests {

	private static final Instant SAVED = Instant.parse("2026-12-02T10:00:00Z");

	@Test
	void keepsTheNewestUpdatesUpToItsCapacity() {
		UpdateHistory history = new UpdateHistory(3);
		for (int i = 0; i < 5; i++) {
			history.record(update("f" + i + ".js", Duration.ofMillis(i)));
		}
		assertThat(history.updates()).extracting((update) -> update.file().toString())
			.containsExactly("f4.js", "f3.js", "f2.js");
	}

	@Test
	void keepsTwentyByDefault() {
		UpdateHistory history = new UpdateHistory();
		for (int i = 0; i < 25; i++) {
			history.record(update("f" + i + ".js", Duration.ZERO));
		}
		assertThat(history.updates()).hasSize(UpdateHistory.DEFAULT_CAPACITY);
	}

	@Test
	void listenersHearOfEveryUpdateEvenWhenOneFails() {
		UpdateHistory history = new UpdateHistory();
		List<Duration> heard = new ArrayList<>();
		history.addListener((update) -> {
			throw new IllegalStateException("broken listener");
		});
		history.addListener((update) -> heard.add(update.latency()));
		history.record(update("a.js", Duration.ofMillis(7)));
		assertThat(heard).containsExactly(Duration.ofMillis(7));
		assertThat(history.updates()).hasSize(1);
	}

	@Test
	void aSendStampedBeforeItsSaveTookNoTime() {
		assertThat(update("a.js", Duration.ofMillis(-3)).latency()).isEqualTo(Duration.ZERO);
	}

	@Test
	void capacityMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UpdateHistory(0))
			.withMessageContaining("'capacity' must be positive");
	}

	private static UpdateHistory.RecordedUpdate update(String file, Duration latency) {
		return new UpdateHistory.RecordedUpdate(Path.of(file), "update", List.of("/" + file), SAVED,
				SAVED.plus(latency));
	}

}
