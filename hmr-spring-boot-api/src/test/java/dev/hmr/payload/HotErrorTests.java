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

package dev.hmr.payload;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HotError#from}: an exception shaped as Vite's {@code prepareError}
 * shapes an error for the overlay.
 */
class HotErrorTests {

	@Test
	void exceptionBecomesItsMessageAndItsStackFramesAsAtLines() {
		Exception ex = new IllegalStateException("boom");
		ex.setStackTrace(new StackTraceElement[] { new StackTraceElement("dev.hmr.A", "run", "A.java", 12),
				new StackTraceElement("dev.hmr.B", "call", "B.java", 34) });
		HotError error = HotError.from(ex, "hmr:transform", "/project/js/app.js");
		assertThat(error)
			.isEqualTo(new HotError("boom", "    at dev.hmr.A.run(A.java:12)\n    at dev.hmr.B.call(B.java:34)",
					"/project/js/app.js", null, "hmr:transform", null, null, Map.of()));
	}

	@Test
	void exceptionWithoutAMessageIsNamedByItsClass() {
		Exception ex = new IllegalStateException();
		ex.setStackTrace(new StackTraceElement[0]);
		assertThat(HotError.from(ex, null, null)).isEqualTo(HotError.of("java.lang.IllegalStateException", ""));
	}

	@Test
	void extraFieldsAreCopied() {
		Map<String, Object> extra = new HashMap<>(Map.of("code", "E1"));
		HotError error = new HotError("boom", "", null, null, null, null, null, extra);
		extra.put("code", "E2");
		assertThat(error.extra()).containsExactly(Map.entry("code", "E1"));
	}

	@Test
	void extraFieldsCannotBeChangedOnceTheErrorIsMade() {
		HotError error = new HotError("boom", "", null, null, null, null, null, Map.of("code", "E1"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> error.extra().put("code", "E2"));
	}

	@Test
	void missingExtraFieldsAreEmpty() {
		assertThat(new HotError("boom", "", null, null, null, null, null, null).extra()).isEmpty();
	}

}
