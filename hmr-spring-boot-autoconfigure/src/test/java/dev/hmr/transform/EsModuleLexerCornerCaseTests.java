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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for the corners of {@link EsModuleLexer} that the npm corpus of
 * {@link EsModuleLexerDifferentialTests} rarely or never reaches: destructured and
 * comma-separated exports, a slash after each keyword, and nesting deeper than the
 * lexer's initial stacks. Every expected record was printed by es-module-lexer 2.3.2.
 */
class EsModuleLexerCornerCaseTests {

	/** A regular expression holding an import: found only if the slash is a division. */
	private static final String SLASH = " /import('.\\/r.js')/g";

	@ParameterizedTest(name = "{0}")
	@MethodSource("exports")
	void exportedNamesAreFoundWithTheirOffsets(String source, List<String> exports) {
		assertThat(EsModuleLexer.parse(source).exports()).extracting(EsModuleLexerCornerCaseTests::describeExport)
			.containsExactlyElementsOf(exports);
	}

	static Stream<Arguments> exports() {
		return Stream.of(
				arguments("export const {a, ...rest} = o;", List.of("a a 14-15 14-15", "rest rest 20-24 20-24")),
				arguments("export const {'x': b, 1: c, \"y\": d} = o;",
						List.of("b b 19-20 19-20", "c c 25-26 25-26", "d d 33-34 33-34")),
				arguments("export const [, e, , f] = o;", List.of("e e 16-17 16-17", "f f 21-22 21-22")),
				arguments("export const [g, [h, ...i], {j: [k]}] = o;",
						List.of("g g 14-15 14-15", "h h 18-19 18-19", "i i 24-25 24-25", "k k 33-34 33-34")),
				arguments("export const {l = 1, m: {n} = {}} = o;", List.of("l l 14-15 14-15", "n n 25-26 25-26")),
				arguments("export const p = 1\nexport const q = 2", List.of("p p 13-14 13-14", "q q 32-33 32-33")),
				arguments("export let r = a\n(b)", List.of("r r 11-12 11-12")),
				arguments("export let s = a\n[0]", List.of("s s 11-12 11-12")),
				arguments("export var t = 1, u\nv = 2", List.of("t t 11-12 11-12", "u u 18-19 18-19")),
				arguments("export const w = x ? y : z, aa = 2;", List.of("w w 13-14 13-14", "aa aa 28-30 28-30")),
				arguments("export const ab = (1, 2), ac = [3, 4], ad = {e: 5, f: 6};",
						List.of("ab ab 13-15 13-15", "ac ac 26-28 26-28", "ad ad 39-41 39-41")),
				arguments("export const ae = `a${b, c}`, af = 1;", List.of("ae ae 13-15 13-15", "af af 30-32 30-32")),
				arguments("export const ag = function () { return 1, 2 }, ah = 3;",
						List.of("ag ag 13-15 13-15", "ah ah 47-49 47-49")),
				arguments("export let ai = a\n++b", List.of("ai ai 11-13 11-13")),
				arguments("export let aj = 1; export let ak = 2;", List.of("aj aj 11-13 11-13", "ak ak 30-32 30-32")),
				arguments("export const al = a => a, am = 1;", List.of("al al 13-15 13-15", "am am 26-28 26-28")),
				arguments("export let an\nexport let ao", List.of("an an 11-13 11-13", "ao ao 25-27 25-27")),
				arguments("export let ap = 1 /* , */, aq = 2", List.of("ap ap 11-13 11-13", "aq aq 27-29 27-29")),
				arguments("export let ar = 'a,b', as = 2", List.of("ar ar 11-13 11-13", "as as 23-25 23-25")),
				arguments("export const at = /,/g, au = 1", List.of("at at 13-15 13-15", "au au 24-26 24-26")),
				arguments("export const { av } = o, [aw] = p;", List.of("av av 15-17 15-17", "aw aw 26-28 26-28")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("slashes")
	void slashIsARegularExpressionOrADivisionAsEsModuleLexerDecides(String before, String kind) {
		List<ImportSpecifier> imports = EsModuleLexer.parse(before + SLASH).imports();
		assertThat(imports).extracting(ImportSpecifier::specifier)
			.isEqualTo(kind.equals("regex") ? List.of() : List.of("./r.js"));
	}

	static Stream<Arguments> slashes() {
		return Stream.of(arguments("delete", "regex"), arguments("a.delete", "division"),
				arguments("xdelete", "division"), arguments("break", "regex"), arguments("a.break", "division"),
				arguments("xbreak", "division"), arguments("new", "regex"), arguments("a.new", "division"),
				arguments("xnew", "division"), arguments("throw", "regex"), arguments("a.throw", "division"),
				arguments("xthrow", "division"), arguments("else", "regex"), arguments("a.else", "division"),
				arguments("xelse", "division"), arguments("case", "regex"), arguments("a.case", "division"),
				arguments("xcase", "division"), arguments("continue", "regex"), arguments("a.continue", "division"),
				arguments("xcontinue", "division"), arguments("typeof", "regex"), arguments("a.typeof", "division"),
				arguments("xtypeof", "division"), arguments("instanceof", "regex"),
				arguments("a.instanceof", "division"), arguments("xinstanceof", "division"),
				arguments("debugger", "regex"), arguments("a.debugger", "division"), arguments("xdebugger", "division"),
				arguments("void", "regex"), arguments("a.void", "division"), arguments("xvoid", "division"),
				arguments("return", "regex"), arguments("a.return", "division"), arguments("xreturn", "division"),
				arguments("do", "regex"), arguments("a.do", "division"), arguments("xdo", "division"),
				arguments("in", "regex"), arguments("a.in", "division"), arguments("xin", "division"),
				arguments("yield", "regex"), arguments("a.yield", "division"), arguments("xyield", "division"),
				arguments("await", "regex"), arguments("a.await", "division"), arguments("xawait", "division"),
				arguments("of", "division"), arguments("a.of", "division"), arguments("xof", "division"),
				arguments("x", "division"), arguments("a.x", "division"), arguments("xx", "division"),
				arguments("break\n", "regex"), arguments("x = a\n", "division"), arguments("1", "division"),
				arguments("{}", "division"), arguments("a = {}", "division"));
	}

	@Test
	void slashAfterContinueWithALabelIsARegularExpression() {
		assertThat(EsModuleLexer.parse("label: for (;;) { continue label" + SLASH + " }").imports()).isEmpty();
	}

	@Test
	void importNestedInFortyParenthesesIsFound() {
		String source = "(".repeat(40) + "import('./deep.js')" + ")".repeat(40);
		assertThat(EsModuleLexer.parse(source).imports()).extracting(EsModuleLexerCornerCaseTests::describeImport)
			.containsExactly("./deep.js 47-58 statement 40-59 d=46 a=-1");
	}

	@Test
	void importNestedInThirtyOneBracketsIsFound() {
		String source = "[".repeat(31) + "import('./a.js')" + "]".repeat(31);
		assertThat(EsModuleLexer.parse(source).imports()).extracting(EsModuleLexerCornerCaseTests::describeImport)
			.containsExactly("./a.js 38-46 statement 31-47 d=37 a=-1");
	}

	@Test
	void importNestedInFortyTemplateSubstitutionsIsFound() {
		String source = "`${".repeat(40) + "import('./t.js')" + "}`".repeat(40);
		assertThat(EsModuleLexer.parse(source).imports()).extracting(EsModuleLexerCornerCaseTests::describeImport)
			.containsExactly("./t.js 127-135 statement 120-136 d=126 a=-1");
	}

	@Test
	void twelveNestedDynamicImportsAreAllFound() {
		String source = "import(".repeat(12) + "'./d.js'" + ")".repeat(12);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			expected.add("null " + (7 * i + 7) + "-" + (103 - i) + " statement " + (7 * i) + "-" + (104 - i) + " d="
					+ (7 * i + 6) + " a=-1");
		}
		expected.add("./d.js 84-92 statement 77-93 d=83 a=-1");
		assertThat(EsModuleLexer.parse(source).imports()).extracting(EsModuleLexerCornerCaseTests::describeImport)
			.containsExactlyElementsOf(expected);
	}

	@Test
	void slashAfterThirtyThreeClosedBracesIsADivision() {
		String source = "{".repeat(33) + "}".repeat(33) + SLASH;
		assertThat(EsModuleLexer.parse(source).imports()).extracting(ImportSpecifier::specifier)
			.containsExactly("./r.js");
	}

	@Test
	void slashAfterThirtyOneNestedIfConditionsIsARegularExpression() {
		String source = "if (".repeat(31) + "a" + ")".repeat(31) + SLASH;
		assertThat(EsModuleLexer.parse(source).imports()).isEmpty();
	}

	@Test
	void slashAfterThirtyOneNestedParenthesesIsADivision() {
		String source = "a = (".repeat(31) + "b" + ")".repeat(31) + SLASH;
		assertThat(EsModuleLexer.parse(source).imports()).extracting(EsModuleLexerCornerCaseTests::describeImport)
			.containsExactly("./r.js 196-205 statement 189-206 d=195 a=-1");
	}

	private static String describeImport(ImportSpecifier i) {
		return i.specifier() + " " + i.start() + "-" + i.end() + " statement " + i.statementStart() + "-"
				+ i.statementEnd() + " d=" + i.dynamicStart() + " a=" + i.attributesStart();
	}

	private static String describeExport(ExportSpecifier e) {
		return e.name() + " " + e.localName() + " " + e.start() + "-" + e.end() + " " + e.localStart() + "-"
				+ e.localEnd();
	}

}
