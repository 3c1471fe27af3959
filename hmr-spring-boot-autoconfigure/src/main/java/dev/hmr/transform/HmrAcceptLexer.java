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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * Reads the arguments of {@code import.meta.hot.accept(…)} and
 * {@code import.meta.hot.acceptExports(…)} the way Vite's {@code lexAcceptedHmrDeps} and
 * {@code lexAcceptedHmrExports} do: a string literal or an array of string literals names
 * accepted deps, anything else first (a callback, an identifier, nothing) makes the
 * module self-accepting, and a template with {@code ${} or a non-literal inside the array
 * is an error.
 */
final class HmrAcceptLexer {

	/**
	 * Vite's message for arguments it cannot read.
	 */
	public static final String INVALID_ACCEPT_MESSAGE = "import.meta.hot.accept() can only accept string literals "
			+ "or an Array of string literals.";

	private HmrAcceptLexer() {
	}

	/**
	 * Find how a module uses {@code import.meta.hot}: every {@code import.meta} the lexer
	 * found that reads {@code import.meta.hot} (or {@code import.meta.hot?}), followed by
	 * {@code .accept} or {@code .acceptExports}, has its arguments read. Like Vite, the
	 * call must be written without whitespace around the dots.
	 * @param code the module source
	 * @param imports the imports {@link EsModuleLexer} found in it
	 * @return the usage
	 * @throws SourceSyntaxException with {@link #INVALID_ACCEPT_MESSAGE} if an
	 * {@code accept} call has arguments Vite rejects
	 */
	public static HotUsage scan(String code, List<ImportSpecifier> imports) {
		Assert.notNull(code, "'code' must not be null");
		Assert.notNull(imports, "'imports' must not be null");
		boolean usesHot = false;
		boolean selfAccepting = false;
		List<AcceptedDep> deps = new ArrayList<>();
		Set<String> exports = null;
		for (ImportSpecifier specifier : imports) {
			int end = specifier.end();
			if (!specifier.isImportMeta() || !code.startsWith(".hot", end)) {
				continue;
			}
			usesHot = true;
			int endHot = end + 4 + ((end + 4 < code.length() && code.charAt(end + 4) == '?') ? 1 : 0);
			if (code.startsWith(".acceptExports", endHot)) {
				int open = code.indexOf('(', endHot + 14);
				if (open >= 0) {
					exports = (exports != null) ? exports : new LinkedHashSet<>();
					lexAcceptedHmrExports(code, open + 1, exports);
				}
			}
			else if (code.startsWith(".accept", endHot)) {
				int open = code.indexOf('(', endHot + 7);
				if (open >= 0 && lexAcceptedHmrDeps(code, open + 1, deps)) {
					selfAccepting = true;
				}
			}
		}
		return usesHot ? new HotUsage(true, selfAccepting, deps, exports) : HotUsage.NONE;
	}

	/**
	 * Read the arguments of an {@code accept} call (Vite's {@code lexAcceptedHmrDeps}).
	 * @param code the module source
	 * @param start offset just after the call's opening parenthesis
	 * @param deps where to add the string literals found, in order
	 * @return whether the call accepts the module itself
	 * @throws SourceSyntaxException with {@link #INVALID_ACCEPT_MESSAGE} if the arguments
	 * are neither a string literal, an array of string literals, nor something that means
	 * self-accept
	 */
	public static boolean lexAcceptedHmrDeps(String code, int start, List<AcceptedDep> deps) {
		boolean inArray = false;
		int i = start;
		while (i < code.length()) {
			char ch = code.charAt(i);
			if (ch == '\'' || ch == '"' || ch == '`') {
				int close = readLiteral(code, i, ch);
				if (close < 0) {
					return false;
				}
				deps.add(new AcceptedDep(code.substring(i + 1, close), i, close + 1));
				if (!inArray) {
					return false;
				}
				i = close + 1;
			}
			else if (isWhitespace(ch)) {
				i++;
			}
			else if (!inArray) {
				if (ch != '[') {
					// a callback, an identifier or no argument at all
					return true;
				}
				inArray = true;
				i++;
			}
			else if (ch == ']') {
				return false;
			}
			else if (ch == ',') {
				i++;
			}
			else {
				throw new SourceSyntaxException(INVALID_ACCEPT_MESSAGE, i);
			}
		}
		return false;
	}

	/**
	 * Read the names given to {@code acceptExports} (Vite's
	 * {@code lexAcceptedHmrExports}).
	 * @param code the module source
	 * @param start offset just after the call's opening parenthesis
	 * @param names where to add the names
	 * @return whether any name was found
	 */
	public static boolean lexAcceptedHmrExports(String code, int start, Set<String> names) {
		List<AcceptedDep> found = new ArrayList<>();
		lexAcceptedHmrDeps(code, start, found);
		found.forEach((name) -> names.add(name.specifier()));
		return !found.isEmpty();
	}

	/**
	 * The offset of the quote that closes the literal opened at {@code open} (escapes are
	 * not interpreted, as in Vite), or -1 if it is not closed.
	 */
	private static int readLiteral(String code, int open, char quote) {
		for (int i = open + 1; i < code.length(); i++) {
			char ch = code.charAt(i);
			if (ch == quote) {
				return i;
			}
			if (quote == '`' && ch == '$' && i + 1 < code.length() && code.charAt(i + 1) == '{') {
				throw new SourceSyntaxException(INVALID_ACCEPT_MESSAGE, i);
			}
		}
		return -1;
	}

	/** JavaScript's {@code \s}. */
	private static boolean isWhitespace(char ch) {
		return ch == ' ' || ch >= '\t' && ch <= '\r' || ch == '\u00a0' || ch == '\u1680'
				|| ch >= '\u2000' && ch <= '\u200a' || ch == '\u2028' || ch == '\u2029' || ch == '\u202f'
				|| ch == '\u205f' || ch == '\u3000' || ch == '\ufeff';
	}

}
