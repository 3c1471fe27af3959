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

package dev.hmr.plugin;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A failure of a plugin's {@code load} or {@code transform} hook that says where in the
 * module's source it is, as Vite's {@code this.error(message, {line, column})} does: the
 * {@code error} payload then carries {@code loc} and a code frame of the source around
 * it. Any other exception a hook throws is reported without a location.
 *
 * @since 0.1.0
 */
public class HmrPluginException extends RuntimeException {

	private final int line;

	private final int column;

	/**
	 * Create an exception.
	 * @param message what is wrong, for the overlay and the log
	 * @param line the line of the fault in the source the hook was given, 1-based
	 * @param column its column, 0-based (as Vite's {@code loc})
	 */
	public HmrPluginException(String message, int line, int column) {
		this(message, line, column, null);
	}

	/**
	 * Create an exception.
	 * @param message what is wrong, for the overlay and the log
	 * @param line the line of the fault in the source the hook was given, 1-based
	 * @param column its column, 0-based (as Vite's {@code loc})
	 * @param cause the underlying failure, or {@code null}
	 */
	public HmrPluginException(String message, int line, int column, @Nullable Throwable cause) {
		super(message, cause);
		Assert.hasText(message, "'message' must not be empty");
		Assert.isTrue(line >= 1, "'line' must be 1 or more");
		Assert.isTrue(column >= 0, "'column' must not be negative");
		this.line = line;
		this.column = column;
	}

	/**
	 * The line of the fault.
	 * @return the line, 1-based
	 */
	public int getLine() {
		return this.line;
	}

	/**
	 * The column of the fault.
	 * @return the column, 0-based
	 */
	public int getColumn() {
		return this.column;
	}

}
