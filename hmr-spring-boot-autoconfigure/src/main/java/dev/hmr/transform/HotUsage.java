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

package dev.hmr.transform;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a module uses {@code import.meta.hot}, as found by {@link HmrAcceptLexer#scan}.
 *
 * @param usesHot whether {@code import.meta.hot} occurs (the module then needs the
 * hot-context prelude)
 * @param isSelfAccepting whether an {@code accept()} call accepts the module itself (no
 * argument, a callback, or anything but a string or an array first)
 * @param acceptedDeps the string literals of {@code accept('dep', …)} and
 * {@code accept(['a', 'b'], …)} calls, in source order
 * @param acceptedExports the names given to {@code acceptExports(…)}, or {@code null} if
 * it is not called
 */
record HotUsage(boolean usesHot, boolean isSelfAccepting, List<AcceptedDep> acceptedDeps,
		@Nullable Set<String> acceptedExports) {

	/**
	 * A module that does not use {@code import.meta.hot}.
	 */
	public static final HotUsage NONE = new HotUsage(false, false, List.of(), null);

	public HotUsage {
		acceptedDeps = List.copyOf(acceptedDeps);
		acceptedExports = (acceptedExports != null) ? Collections.unmodifiableSet(new LinkedHashSet<>(acceptedExports))
				: null;
	}

}
