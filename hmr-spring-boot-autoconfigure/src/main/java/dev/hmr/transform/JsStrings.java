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

import org.jspecify.annotations.Nullable;

/**
 * Reading and writing JavaScript string literals. Follows es-module-lexer's string
 * decoding (MIT, Copyright (C) 2018-2022 Guy Bedford; see NOTICE).
 */
final class JsStrings {

	private JsStrings() {
	}

	/**
	 * The value of the string literal or substitution-free template literal that spans
	 * exactly {@code [start, end)}, as {@code eval} of that text would give it in sloppy
	 * mode (so legacy octal escapes are decoded in strings but rejected in templates).
	 * @param src the source
	 * @param start offset of the opening quote
	 * @param end offset just after the closing quote
	 * @return the value, or {@code null} if the text is not exactly one valid literal
	 */
	static @Nullable String evaluate(char[] src, int start, int end) {
		if (start < 0 || end > src.length || end - start < 2) {
			return null;
		}
		char quote = src[start];
		if (quote != '\'' && quote != '"' && quote != '`') {
			return null;
		}
		boolean template = quote == '`';
		StringBuilder out = null;
		int chunkStart = start + 1;
		int p = start + 1;
		while (p < end) {
			char ch = src[p];
			if (ch == quote) {
				break;
			}
			if (ch == '\\' || template && (ch == '\r' || ch == '$' && p + 1 < end && src[p + 1] == '{')) {
				if (out == null) {
					out = new StringBuilder(end - start);
				}
				out.append(src, chunkStart, p - chunkStart);
				if (ch == '$') {
					// a substitution: not a constant
					return null;
				}
				if (ch == '\r') {
					// template line terminators are normalised to \n
					out.append('\n');
					p += (p + 1 < end && src[p + 1] == '\n') ? 2 : 1;
				}
				else {
					p = readEscape(src, p + 1, end, template, out);
					if (p < 0) {
						return null;
					}
				}
				chunkStart = p;
				continue;
			}
			if (!template && (ch == '\n' || ch == '\r')) {
				return null;
			}
			p++;
		}
		if (p != end - 1) {
			return null;
		}
		if (out == null) {
			return new String(src, start + 1, p - start - 1);
		}
		return out.append(src, chunkStart, p - chunkStart).toString();
	}

	/**
	 * Decode the escape whose letter is at {@code p} into {@code out}.
	 * @return the offset after the escape, or -1 if it is not valid
	 */
	private static int readEscape(char[] src, int p, int end, boolean template, StringBuilder out) {
		if (p >= end) {
			return -1;
		}
		char ch = src[p++];
		switch (ch) {
			case 'n' -> out.append('\n');
			case 'r' -> out.append('\r');
			case 't' -> out.append('\t');
			case 'b' -> out.append('\b');
			case 'v' -> out.append('\u000b');
			case 'f' -> out.append('\f');
			case 'x' -> {
				int value = hex(src, p, p + 2, end);
				if (value < 0) {
					return -1;
				}
				out.append((char) value);
				p += 2;
			}
			case 'u' -> {
				int codePoint;
				if (p < end && src[p] == '{') {
					int close = p + 1;
					while (close < end && src[close] != '}') {
						close++;
					}
					codePoint = (close > p + 1 && close < end) ? hex(src, p + 1, close, end) : -1;
					p = close + 1;
				}
				else {
					codePoint = hex(src, p, p + 4, end);
					p += 4;
				}
				if (codePoint < 0 || codePoint > 0x10FFFF) {
					return -1;
				}
				out.appendCodePoint(codePoint);
			}
			case '\r' -> {
				if (p < end && src[p] == '\n') {
					p++;
				}
			}
			case '\n', '\u2028', '\u2029' -> {
				// line continuation
			}
			default -> {
				if (ch >= '0' && ch <= '9') {
					return readNumericEscape(src, p, end, ch, template, out);
				}
				out.append(ch);
			}
		}
		return p;
	}

	private static int readNumericEscape(char[] src, int p, int end, char first, boolean template, StringBuilder out) {
		boolean digitFollows = p < end && src[p] >= '0' && src[p] <= '9';
		if (first == '0' && !digitFollows) {
			out.append('\0');
			return p;
		}
		if (template) {
			return -1;
		}
		if (first >= '8') {
			out.append(first);
			return p;
		}
		int value = first - '0';
		int maxDigits = (first <= '3') ? 3 : 2;
		for (int digits = 1; digits < maxDigits && p < end && src[p] >= '0' && src[p] <= '7'; digits++) {
			value = value * 8 + (src[p++] - '0');
		}
		out.append((char) value);
		return p;
	}

	private static int hex(char[] src, int from, int to, int end) {
		if (to > end) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < to; i++) {
			// ASCII only: Character.digit also accepts other scripts' digits
			int digit = (src[i] < 128) ? Character.digit(src[i], 16) : -1;
			if (digit < 0 || value > 0x10FFFF) {
				return -1;
			}
			value = value * 16 + digit;
		}
		return value;
	}

	/**
	 * A double-quoted JavaScript string literal of the value, escaped as
	 * {@code JSON.stringify} escapes it, and also safe inside an HTML {@code <script>}:
	 * {@code </} and {@code <!--} are broken up, and U+2028 and U+2029 are escaped.
	 * @param value the value
	 * @return the literal, quotes included
	 */
	static String quote(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2);
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '<' -> {
					char next = (i + 1 < value.length()) ? value.charAt(i + 1) : 0;
					if (next == '/' || next == '!') {
						unicodeEscape(out, ch);
					}
					else {
						out.append(ch);
					}
				}
				default -> {
					if (ch < 0x20 || ch == '\u2028' || ch == '\u2029' || isLoneSurrogate(value, i)) {
						unicodeEscape(out, ch);
					}
					else {
						out.append(ch);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private static boolean isLoneSurrogate(String value, int i) {
		char ch = value.charAt(i);
		if (Character.isHighSurrogate(ch)) {
			return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
		}
		if (Character.isLowSurrogate(ch)) {
			return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
		}
		return false;
	}

	private static void unicodeEscape(StringBuilder out, char ch) {
		out.append("\\u");
		String hex = Integer.toHexString(ch);
		out.append("0".repeat(4 - hex.length())).append(hex);
	}

}
