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

/**
 * A code frame as Vite's {@code generateCodeFrame} writes it: the lines two either side
 * of a position, each as {@code "N  |  text"}, and under the position's line a {@code ^}.
 * Public for the template errors the auto-configuration reports; internal.
 */
public final class CodeFrame {

	private static final int RANGE = 2;

	private CodeFrame() {
	}

	/**
	 * The frame around a line and column of a source.
	 * @param source the source
	 * @param line the line, 1-based
	 * @param column the column, 0-based
	 * @return the frame
	 */
	public static String around(String source, int line, int column) {
		int offset = 0;
		for (int current = 1; current < line; current++) {
			int newline = source.indexOf('\n', offset);
			if (newline < 0) {
				break;
			}
			offset = newline + 1;
		}
		int lineEnd = source.indexOf('\n', offset);
		int length = ((lineEnd < 0) ? source.length() : lineEnd) - offset;
		return around(source, offset + Math.max(Math.min(column, length), 0));
	}

	/**
	 * The frame around an offset of a source.
	 * @param source the source
	 * @param offset the offset (UTF-16 code units), clamped to the source
	 * @return the frame
	 */
	static String around(String source, int offset) {
		int start = Math.max(0, Math.min(offset, source.length()));
		String[] lines = source.split("\r?\n", -1);
		int count = 0;
		StringBuilder frame = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			count += lines[i].length();
			if (count >= start) {
				for (int j = Math.max(0, i - RANGE); j <= i + RANGE && j < lines.length; j++) {
					String number = String.valueOf(j + 1);
					append(frame, number + " ".repeat(Math.max(3 - number.length(), 0)) + "|  " + lines[j]);
					if (j == i) {
						int pad = Math.max(start - (count - lines[j].length()), 0);
						append(frame, "   |  " + " ".repeat(pad) + "^");
					}
				}
				break;
			}
			count++;
		}
		return frame.toString();
	}

	/**
	 * The line (1-based) and column (0-based, as Vite writes {@code loc}) of an offset.
	 * @param source the source
	 * @param offset the offset, clamped to the source
	 * @return {@code [line, column]}
	 */
	static int[] lineAndColumn(String source, int offset) {
		int position = Math.max(0, Math.min(offset, source.length()));
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < position; i++) {
			if (source.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new int[] { line, position - lineStart };
	}

	private static void append(StringBuilder frame, String line) {
		if (!frame.isEmpty()) {
			frame.append('\n');
		}
		frame.append(line);
	}

}
