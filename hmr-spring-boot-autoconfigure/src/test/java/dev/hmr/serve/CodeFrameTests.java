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

package dev.hmr.serve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CodeFrame}.
 */
class CodeFrameTests {

	@Test
	void aFaultOnTheFirstLineShowsTheLinesAfterIt() {
		assertThat(CodeFrame.around("let x = ;\nok();\nok();\nok();\n", 8))
			.isEqualTo("1  |  let x = ;\n   |          ^\n2  |  ok();\n3  |  ok();");
	}

	@Test
	void aFaultOnTheLastLineShowsTheLinesBeforeItAndAnOffsetPastTheEndIsClamped() {
		assertThat(CodeFrame.around("a();\nb(", 99)).isEqualTo("1  |  a();\n2  |  b(\n   |    ^");
	}

	@Test
	void lineIsOneBasedAndColumnZeroBasedAsViteWritesLoc() {
		assertThat(CodeFrame.lineAndColumn("a\nbc'd", 4)).containsExactly(2, 2);
		assertThat(CodeFrame.lineAndColumn("abc", 0)).containsExactly(1, 0);
	}

}
