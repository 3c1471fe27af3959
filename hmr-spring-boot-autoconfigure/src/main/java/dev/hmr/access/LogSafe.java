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

package dev.hmr.access;

import org.jspecify.annotations.Nullable;

/**
 * A string that a client sent (a path, a header, an event name, a message) as it may
 * appear in a log line: control characters (C0, DEL, C1), Unicode line and paragraph
 * separators and bidirectional controls are escaped ({@code \n}, {@code \r}, {@code \t},
 * {@code \\}, else {@code \u001b} and the like), so that no client can start a line of
 * its own or hide text; and it is shortened, so that no client fills the log. Every log
 * line that quotes a client goes through here.
 *
 * @since 0.1.0
 */
public final class LogSafe {

	/** How many characters of a client string a log line keeps. */
	public static final int MAX_LENGTH = 200;

	private LogSafe() {
	}

	/**
	 * The value, escaped and shortened.
	 * @param value what a client sent, or {@code null}
	 * @return the text to log ({@code null} for a null value)
	 */
	public static String of(@Nullable Object value) {
		return of(value, MAX_LENGTH);
	}

	/**
	 * The value, escaped and shortened to a length of its own: for a line the server
	 * composes of many client strings, such as the list of updated modules.
	 * @param value what a client sent, or {@code null}
	 * @param maxLength how many characters to keep
	 * @return the text to log ({@code null} for a null value)
	 */
	public static String of(@Nullable Object value, int maxLength) {
		if (value == null) {
			return "null";
		}
		String text = value.toString();
		StringBuilder safe = new StringBuilder(Math.min(text.length(), maxLength) + 8);
		int kept = 0;
		int index = 0;
		while (index < text.length() && kept < maxLength) {
			append(safe, text.charAt(index++));
			kept++;
		}
		if (index < text.length()) {
			safe.append("…(").append(text.length() - index).append(" more)");
		}
		return safe.toString();
	}

	/**
	 * The value, escaped, shortened and in single quotes, or {@code (none)}.
	 * @param value what a client sent, or {@code null} when it sent nothing
	 * @return the text to log
	 */
	public static String quoted(@Nullable Object value) {
		return (value != null) ? "'" + of(value) + "'" : "(none)";
	}

	private static void append(StringBuilder safe, char c) {
		switch (c) {
			case '\n' -> safe.append("\\n");
			case '\r' -> safe.append("\\r");
			case '\t' -> safe.append("\\t");
			case '\\' -> safe.append("\\\\");
			default -> {
				if (needsEscape(c)) {
					safe.append(String.format("\\u%04x", (int) c));
				}
				else {
					safe.append(c);
				}
			}
		}
	}

	private static boolean needsEscape(char c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0x061c || c == 0x200e
				|| c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
	}

}
