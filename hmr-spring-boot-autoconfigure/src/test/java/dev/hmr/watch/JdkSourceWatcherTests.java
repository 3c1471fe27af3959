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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceWatcher} where its own libraries cannot be loaded: the JDK's
 * {@code WatchService} alone, whose notifications do not tell when a save is finished.
 */
class JdkSourceWatcherTests extends AbstractSourceWatcherTests {

	@Override
	boolean portable() {
		return true;
	}

	@Override
	boolean isolated() {
		return false;
	}

	@Test
	void watchServiceIsUsed() {
		assertThat(start().notifier()).hasToString("the JDK's WatchService");
	}

}
