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

import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogFormatUtils;

/**
 * File-system strings as they may appear in a log line: a file name may hold any
 * character but {@code /} and NUL, so control characters are escaped.
 */
final class Loggable {

	private Loggable() {
	}

	static String of(@Nullable Object value) {
		return (value != null) ? LogFormatUtils.formatValue(value, -1, true) : "null";
	}

}
