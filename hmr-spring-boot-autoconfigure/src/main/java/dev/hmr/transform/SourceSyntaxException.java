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

/**
 * Source text that a lexer of this package cannot make sense of, with the offset where it
 * gave up. Thrown for invalid JavaScript (an unterminated string, unbalanced brackets)
 * and for {@code import.meta.hot.accept(...)} arguments that Vite rejects.
 *
 * @since 0.1.0
 */
public class SourceSyntaxException extends RuntimeException {

	private final int position;

	/**
	 * Create a new exception.
	 * @param message what is wrong
	 * @param position the offset (UTF-16 code units) in the source where the problem was
	 * found
	 */
	public SourceSyntaxException(String message, int position) {
		super(message);
		this.position = position;
	}

	/**
	 * The offset in the source where the problem was found.
	 * @return the offset in UTF-16 code units
	 */
	public int getPosition() {
		return this.position;
	}

}
