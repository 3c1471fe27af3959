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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CssImportLexer}.
 */
class CssImportLexerTests {

	@Test
	void quotedImportIsFound() {
		String css = "@import \"x.css\";\nbody { color: red }";
		assertThat(CssImportLexer.parse(css)).containsExactly(new CssImport("x.css", 9, 14, 0, 16));
	}

	@Test
	void singleQuotedImportIsFound() {
		assertThat(CssImportLexer.parse("@import './y.css';")).extracting(CssImport::url).containsExactly("./y.css");
	}

	@Test
	void unquotedUrlImportIsFound() {
		String css = "@import url(x.css);";
		assertThat(CssImportLexer.parse(css)).containsExactly(new CssImport("x.css", 12, 17, 0, 19));
	}

	@Test
	void quotedUrlImportWithMediaQueryIsFound() {
		String css = "@import url( \"x.css\" ) screen and (min-width: 10px);\na { }";
		CssImport found = CssImportLexer.parse(css).get(0);
		assertThat(found.url()).isEqualTo("x.css");
		assertThat(css.substring(found.start(), found.end())).isEqualTo("x.css");
		assertThat(css.substring(found.ruleStart(), found.ruleEnd()))
			.isEqualTo("@import url( \"x.css\" ) screen and (min-width: 10px);");
	}

	@Test
	void severalImportsAreFoundInOrder() {
		assertThat(CssImportLexer.parse("@charset \"utf-8\";\n@import 'a.css';\n@IMPORT url(b.css) layer(base);\n"
				+ "@import \"c.css\" supports(display: grid)"))
			.extracting(CssImport::url)
			.containsExactly("a.css", "b.css", "c.css");
	}

	@Test
	void importsInCommentsAreIgnored() {
		assertThat(CssImportLexer.parse("/* @import 'no.css'; */ @import 'yes.css';")).extracting(CssImport::url)
			.containsExactly("yes.css");
	}

	@Test
	void importsInStringsAndUrlsAreIgnored() {
		assertThat(CssImportLexer.parse("a::after { content: \"@import 'no.css';\" }\n"
				+ "b { background: url(data:image/svg+xml;utf8,@import'no2.css') }\n@import 'yes.css';"))
			.extracting(CssImport::url)
			.containsExactly("yes.css");
	}

	@Test
	void importsInsideBlocksAreIgnored() {
		assertThat(CssImportLexer.parse("@media print { @import 'no.css'; }")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			@import /* why */ 'a.css';                                   | a.css
			@import/**/url( a.css );                                     | a.css
			@import url( /* c */ "a.css" /* c */ );                      | a.css
			@import\t'a.css';                                           | a.css
			}@import 'a.css';                                            | a.css
			a{background:url(x{y)}@import 'a.css';                       | a.css
			a{background:url( "x{y" )}@import 'a.css';                   | a.css
			a{background:url(x\\){y)}@import 'a.css';                   | a.css
			a{content:"{"}@import 'a.css';                               | a.css
			a{content:"\\"{"}@import 'a.css';                           | a.css
			a{b:c\\{}@import 'a.css';                                   | a.css
			/* { */@import 'a.css';                                      | a.css
			@import foo; @import 'a.css';                                | a.css
			@import url('x.css' x) @import 'a.css';                      | a.css
			""")
	void importIsFoundPastCommentsStringsEscapesAndUrlsOutsideIt(String css, String url) {
		assertThat(CssImportLexer.parse(css)).extracting(CssImport::url).containsExactly(url);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "@media{a{}@import 'x.css'}", "@media print{@supports (x:y){@import 'x.css';}}",
			"\\@import 'x.css';", "@import", "@import ", "@import url(", "@import url(x.css", "@import-x 'x.css';",
			"@importé 'x.css';", "a { b: url(@import 'x.css') }", "@import url(x.css @import 'a.css';" })
	void noImportIsFound(String css) {
		assertThat(CssImportLexer.parse(css)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					@import 'a.css' screen /* ; */ and (x: ';');b{}          | @import 'a.css' screen /* ; */ and (x: ';');
					@import 'a.css' supports(display: flex; x: y) print;     | @import 'a.css' supports(display: flex; x: y) print;
					@import 'a.css' layer(base)) ;                           | @import 'a.css' layer(base)) ;
					@import 'a.css' screen{b{}}                              | @import 'a.css' screen
					@import 'a.css' screen}                                  | @import 'a.css' screen
					@import 'a.css' screen                                   | @import 'a.css' screen
					""")
	void ruleEndsAtItsSemicolonOutsideParensStringsAndComments(String css, String rule) {
		CssImport found = CssImportLexer.parse(css).get(0);
		assertThat(css.substring(found.ruleStart(), found.ruleEnd())).isEqualTo(rule);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			a\\"b.css       | a"b.css
			a\\\\b.css      | a\\b.css
			a\\41 b.css     | aAb.css
			a\\41b.css      | a\u041b.css
			a\\0000411      | aA1
			a\\0 b          | a\uFFFDb
			a\\110000 b     | a\uFFFDb
			a\\D800 b       | a\uFFFDb
			a\\10FFFF b     | a\uDBFF\uDFFFb
			\\61\\62        | ab
			""")
	void escapesInTheUrlAreDecoded(String escaped, String decoded) {
		assertThat(CssImportLexer.parse("@import '" + escaped + "';")).extracting(CssImport::url)
			.containsExactly(decoded);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "a\\\nb", "a\\\r\nb", "a\\\fb", "a\\\rb" })
	void backslashBeforeALineBreakContinuesTheString(String escaped) {
		assertThat(CssImportLexer.parse("@import '" + escaped + "';")).extracting(CssImport::url).containsExactly("ab");
	}

	@Test
	void hexEscapeTakesOneWhitespaceAfterIt() {
		assertThat(CssImportLexer.parse("@import '\\41\r\nb';")).extracting(CssImport::url).containsExactly("Ab");
		assertThat(CssImportLexer.parse("@import url(\\41  b);")).isEmpty();
		assertThat(CssImportLexer.parse("@import url(a\\41 b);")).extracting(CssImport::url).containsExactly("aAb");
	}

	@Test
	void otherAtRulesStartingWithImportAreIgnored() {
		assertThat(CssImportLexer.parse("@imports 'no.css';")).isEmpty();
	}

}
