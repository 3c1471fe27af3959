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

package dev.hmr.typescript;

/**
 * SWC could not parse a module: its message, and where (1-based line and column, 0 when
 * SWC did not say).
 */
final class TranspileException extends RuntimeException {

	private final int line;

	private final int column;

	TranspileException(String message, int line, int column, Throwable cause) {
		super(message, cause);
		this.line = line;
		this.column = column;
	}

	int getLine() {
		return this.line;
	}

	int getColumn() {
		return this.column;
	}

}
