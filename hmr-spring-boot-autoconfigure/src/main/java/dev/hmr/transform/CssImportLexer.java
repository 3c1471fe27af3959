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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Finds the {@code @import} rules of a stylesheet: {@code @import "x.css";},
 * {@code @import url(x.css);} and {@code @import url("x.css") screen;}, with the offsets
 * of their URLs. Comments, strings and {@code url(…)} tokens elsewhere are skipped, and
 * only rules outside blocks count, as in CSS.
 *
 * @since 0.1.0
 */
public final class CssImportLexer {

	private CssImportLexer() {
	}

	/**
	 * Find the {@code @import} rules.
	 * @param css the stylesheet
	 * @return the rules in source order
	 */
	public static List<CssImport> parse(String css) {
		Assert.notNull(css, "'css' must not be null");
		List<CssImport> imports = new ArrayList<>();
		int length = css.length();
		int depth = 0;
		int i = 0;
		while (i < length) {
			char ch = css.charAt(i);
			if (ch == '/' && i + 1 < length && css.charAt(i + 1) == '*') {
				i = skipComment(css, i);
			}
			else if (ch == '"' || ch == '\'') {
				i = skipString(css, i) + 1;
			}
			else if (ch == '\\') {
				i += 2;
			}
			else if (ch == '{') {
				depth++;
				i++;
			}
			else if (ch == '}') {
				depth = Math.max(0, depth - 1);
				i++;
			}
			else if ((ch == 'u' || ch == 'U') && isUrlFunction(css, i)) {
				i = skipUrl(css, i + 4);
			}
			else if (ch == '@' && depth == 0 && css.regionMatches(true, i + 1, "import", 0, 6)
					&& !isNameChar(css, i + 7)) {
				CssImport found = readImport(css, i);
				if (found != null) {
					imports.add(found);
					i = found.ruleEnd();
				}
				else {
					i += 7;
				}
			}
			else {
				i++;
			}
		}
		return imports;
	}

	private static @Nullable CssImport readImport(String css, int ruleStart) {
		int p = skipWhitespaceAndComments(css, ruleStart + 7);
		if (p >= css.length()) {
			return null;
		}
		char ch = css.charAt(p);
		int start;
		int end;
		if (ch == '"' || ch == '\'') {
			start = p + 1;
			end = skipString(css, p);
			p = end + 1;
		}
		else if (isUrlFunction(css, p)) {
			p = skipWhitespaceAndComments(css, p + 4);
			if (p < css.length() && (css.charAt(p) == '"' || css.charAt(p) == '\'')) {
				start = p + 1;
				end = skipString(css, p);
				p = skipWhitespaceAndComments(css, end + 1);
			}
			else {
				start = p;
				while (p < css.length() && css.charAt(p) != ')' && !Character.isWhitespace(css.charAt(p))) {
					p = (css.charAt(p) == '\\') ? escapeEnd(css, p + 1, css.length()) : p + 1;
				}
				end = Math.min(p, css.length());
				p = skipWhitespaceAndComments(css, p);
			}
			if (p >= css.length() || css.charAt(p) != ')') {
				return null;
			}
			p++;
		}
		else {
			return null;
		}
		end = Math.min(end, css.length());
		return new CssImport(unescape(css, start, end), start, end, ruleStart, ruleEnd(css, p));
	}

	/**
	 * The value of {@code [start, end)} with its CSS escapes decoded: a backslash and one
	 * character, or a backslash, up to six hex digits and one optional whitespace; a
	 * backslash before a line break continues the string.
	 */
	static String unescape(String css, int start, int end) {
		int backslash = css.indexOf('\\', start);
		if (backslash < 0 || backslash >= end) {
			return css.substring(start, end);
		}
		StringBuilder out = new StringBuilder(end - start);
		int p = start;
		while (p < end) {
			char ch = css.charAt(p++);
			if (ch != '\\') {
				out.append(ch);
				continue;
			}
			if (p == end) {
				out.append('\uFFFD');
				continue;
			}
			int escapeEnd = escapeEnd(css, p, end);
			if (isHexDigit(css.charAt(p))) {
				int digits = p + 1;
				while (digits < escapeEnd && isHexDigit(css.charAt(digits))) {
					digits++;
				}
				int codePoint = Integer.parseInt(css, p, digits, 16);
				boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
						&& (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE);
				out.appendCodePoint(valid ? codePoint : 0xFFFD);
			}
			else if (!isBreak(css.charAt(p))) {
				out.append(css.charAt(p));
			}
			p = escapeEnd;
		}
		return out.toString();
	}

	/**
	 * The offset after the escape whose backslash is just before {@code p}: up to six hex
	 * digits and one whitespace, or one character (a CRLF counting as one).
	 */
	private static int escapeEnd(String css, int p, int end) {
		if (p >= end) {
			return end;
		}
		int digits = p;
		while (digits < end && digits - p < 6 && isHexDigit(css.charAt(digits))) {
			digits++;
		}
		if (digits == p) {
			return charEnd(css, p, end);
		}
		return (digits < end && isWhitespace(css.charAt(digits))) ? charEnd(css, digits, end) : digits;
	}

	/** The offset after the character at {@code p}, a CRLF counting as one. */
	private static int charEnd(String css, int p, int end) {
		return (css.charAt(p) == '\r' && p + 1 < end && css.charAt(p + 1) == '\n') ? p + 2 : p + 1;
	}

	private static boolean isHexDigit(char ch) {
		return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F';
	}

	private static boolean isWhitespace(char ch) {
		return ch == ' ' || ch == '\t' || isBreak(ch);
	}

	private static boolean isBreak(char ch) {
		return ch == '\n' || ch == '\r' || ch == '\f';
	}

	/** The offset after the {@code ;} ending the rule (media queries, layers…). */
	private static int ruleEnd(String css, int p) {
		int parens = 0;
		while (p < css.length()) {
			char ch = css.charAt(p);
			if (ch == '/' && p + 1 < css.length() && css.charAt(p + 1) == '*') {
				p = skipComment(css, p);
				continue;
			}
			if (ch == '"' || ch == '\'') {
				p = skipString(css, p) + 1;
				continue;
			}
			if (ch == '(') {
				parens++;
			}
			else if (ch == ')') {
				parens = Math.max(0, parens - 1);
			}
			else if (parens == 0 && (ch == ';' || ch == '{' || ch == '}')) {
				return (ch == ';') ? p + 1 : p;
			}
			p++;
		}
		return css.length();
	}

	private static boolean isUrlFunction(String css, int i) {
		return css.regionMatches(true, i, "url(", 0, 4) && !isNameChar(css, i - 1);
	}

	/** Skip an unquoted or quoted {@code url(…)} whose content starts at {@code p}. */
	private static int skipUrl(String css, int p) {
		p = skipWhitespaceAndComments(css, p);
		if (p < css.length() && (css.charAt(p) == '"' || css.charAt(p) == '\'')) {
			return skipString(css, p) + 1;
		}
		while (p < css.length() && css.charAt(p) != ')') {
			p += (css.charAt(p) == '\\') ? 2 : 1;
		}
		return p + 1;
	}

	/** The offset of the closing quote, or of the line break or end ending the string. */
	private static int skipString(String css, int open) {
		char quote = css.charAt(open);
		int p = open + 1;
		while (p < css.length()) {
			char ch = css.charAt(p);
			if (ch == quote || ch == '\n' || ch == '\r' || ch == '\f') {
				return p;
			}
			p = (ch == '\\') ? escapeEnd(css, p + 1, css.length()) : p + 1;
		}
		return css.length();
	}

	private static int skipComment(String css, int open) {
		int close = css.indexOf("*/", open + 2);
		return (close < 0) ? css.length() : close + 2;
	}

	private static int skipWhitespaceAndComments(String css, int p) {
		while (p < css.length()) {
			char ch = css.charAt(p);
			if (Character.isWhitespace(ch)) {
				p++;
			}
			else if (ch == '/' && p + 1 < css.length() && css.charAt(p + 1) == '*') {
				p = skipComment(css, p);
			}
			else {
				break;
			}
		}
		return p;
	}

	private static boolean isNameChar(String css, int i) {
		if (i < 0 || i >= css.length()) {
			return false;
		}
		char ch = css.charAt(i);
		return Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '\\' || ch > 127;
	}

}
