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
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Loggable}.
 */
class LoggableTests {

	@Test
	void controlCharactersOfAFileNameAreEscaped() {
		String logged = Loggable.of(Path.of("/src/app\n2026-12-01 ERROR forged\u001b[31m.js"));
		assertThat(logged).doesNotContain("\n", "\u001b").contains("/src/app").contains("forged");
	}

	@Test
	void pathsAndListsAreNotQuoted() {
		assertThat(Loggable.of(List.of(Path.of("/src")))).isEqualTo("[/src]");
		assertThat(Loggable.of(null)).isEqualTo("null");
	}

}
