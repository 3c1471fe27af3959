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

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for {@link JsStrings}: the values of string and template literals as {@code eval}
 * gives them (an import specifier is matched by its value), and the literals written into
 * served code.
 */
class JsStringsTests {

	@ParameterizedTest
	@MethodSource("literals")
	void literalHasTheValueEvalGivesIt(String literal, String value) {
		assertThat(JsStrings.evaluate(literal.toCharArray(), 0, literal.length())).isEqualTo(value);
	}

	static Stream<Arguments> literals() {
		return Stream.of(literal("no escape", "'./a.js'", "./a.js"), literal("empty", "\"\"", ""),
				literal("single-character escapes", "'\\n\\r\\t\\b\\v\\f'", "\n\r\t\b\u000b\f"),
				literal("escaped quotes and backslash", "\"\\\"\\'\\\\\"", "\"'\\"),
				literal("needless escape", "'\\q\\.'", "q."), literal("hex escape", "'\\x41\\x2f'", "A/"),
				literal("unicode escape", "'\\u0041\\u00e9'", "A\u00e9"),
				literal("unicode code point escape", "'\\u{41}\\u{1F600}'", "A\uD83D\uDE00"),
				literal("largest code point", "'\\u{10FFFF}'", "\uDBFF\uDFFF"),
				literal("line continuation", "'a\\\nb'", "ab"),
				literal("line continuation with CRLF", "'a\\\r\nb'", "ab"),
				literal("line continuation with CR", "'a\\\rb'", "ab"),
				literal("line continuation with LS and PS", "'a\\\u2028b\\\u2029c'", "abc"),
				literal("null escape", "'a\\0b'", "a\0b"),
				literal("legacy octal escapes", "'\\101\\7\\08'", "A\u0007\u00008"),
				literal("three octal digits at most from 0 to 3", "'\\1011'", "A1"),
				literal("two octal digits at most from 4 to 7", "'\\477'", "'7"),
				literal("octal escape ends at a non-octal digit", "'\\18'", "\u00018"),
				literal("8 and 9 escape themselves", "'\\8\\9'", "89"), literal("template", "`./a.js`", "./a.js"),
				literal("template line break", "`a\nb`", "a\nb"),
				literal("template CRLF becomes LF", "`a\r\nb`", "a\nb"),
				literal("template CR becomes LF", "`a\rb`", "a\nb"),
				literal("template dollar without brace", "`a$b$`", "a$b$"),
				literal("template null escape", "`\\0`", "\0"));
	}

	@ParameterizedTest
	@MethodSource("notOneLiteral")
	void textThatIsNotExactlyOneValidLiteralHasNoValue(String text) {
		assertThat(JsStrings.evaluate(text.toCharArray(), 0, text.length())).isNull();
	}

	static Stream<Arguments> notOneLiteral() {
		return Stream.of(argumentSet("no quotes", "abc"), argumentSet("one quote", "'"),
				argumentSet("unterminated", "'abc"), argumentSet("mismatched quotes", "'abc\""),
				argumentSet("text after the closing quote", "'a'b'"), argumentSet("line break in a string", "'a\nb'"),
				argumentSet("CR in a string", "\"a\rb\""), argumentSet("substitution", "`a${b}`"),
				argumentSet("backslash at the end", "'a\\"), argumentSet("hex escape with one digit", "'\\x4'"),
				argumentSet("hex escape with a letter", "'\\xg1'"),
				argumentSet("hex escape with a non-ASCII digit", "'\\x\u0663\u0663'"),
				argumentSet("unicode escape with three digits", "'\\u004'"),
				argumentSet("unicode escape past the end", "'\\u00"), argumentSet("empty code point escape", "'\\u{}'"),
				argumentSet("unclosed code point escape", "'\\u{41'"),
				argumentSet("code point too large", "'\\u{110000}'"),
				argumentSet("code point with many digits", "'\\u{FFFFFFFFF}'"),
				argumentSet("octal escape in a template", "`\\1`"), argumentSet("8 escape in a template", "`\\8`"),
				argumentSet("zero then digit in a template", "`\\01`"));
	}

	@ParameterizedTest
	@MethodSource("offsets")
	void literalIsReadBetweenItsOffsets(int start, int end, String value) {
		assertThat(JsStrings.evaluate("x = 'a\\tb' + \"c\";".toCharArray(), start, end)).isEqualTo(value);
	}

	static Stream<Arguments> offsets() {
		return Stream.of(argumentSet("first literal", 4, 10, "a\tb"), argumentSet("second literal", 13, 16, "c"),
				argumentSet("one character short", 4, 9, null), argumentSet("before the start", -1, 10, null),
				argumentSet("past the end", 13, 18, null), argumentSet("too short", 13, 14, null));
	}

	@ParameterizedTest
	@MethodSource("values")
	void valueIsQuotedAsJsonStringifyDoesAndSafelyForAScriptElement(String value, String literal) {
		assertThat(JsStrings.quote(value)).isEqualTo(literal);
	}

	static Stream<Arguments> values() {
		return Stream.of(argumentSet("plain", "/js/a.js", "\"/js/a.js\""), argumentSet("empty", "", "\"\""),
				argumentSet("quotes and backslash", "a\"b'c\\", "\"a\\\"b'c\\\\\""),
				argumentSet("short escapes", "\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\""),
				argumentSet("other control characters", "\u0000\u000b\u001f ", "\"\\u0000\\u000b\\u001f \""),
				argumentSet("end of a script element", "</script>", "\"\\u003c/script>\""),
				argumentSet("start of an HTML comment", "<!--", "\"\\u003c!--\""),
				argumentSet("other less-than signs", "a<b <", "\"a<b <\""),
				argumentSet("line and paragraph separators", "\u2028\u2029", "\"\\u2028\\u2029\""),
				argumentSet("surrogate pair", "\uD83D\uDE00", "\"\uD83D\uDE00\""),
				argumentSet("lone high surrogate at the end", "a\uD83D", "\"a\\ud83d\""),
				argumentSet("high surrogate before a letter", "\uD83Da", "\"\\ud83da\""),
				argumentSet("lone low surrogate at the start", "\uDE00a", "\"\\ude00a\""),
				argumentSet("low surrogate after a letter", "a\uDE00", "\"a\\ude00\""),
				argumentSet("two low surrogates", "\uD83D\uDE00\uDE00", "\"\uD83D\uDE00\\ude00\""),
				argumentSet("above the controls", "\u007f\u00e9", "\"\u007f\u00e9\""));
	}

	private static Arguments literal(String name, String literal, String value) {
		return argumentSet(name, literal, value);
	}

}
