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

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link EsModuleLexer}. Offsets were checked against es-module-lexer 2.3.2;
 * {@link EsModuleLexerDifferentialTests} compares the two on real modules.
 */
class EsModuleLexerTests {

	// Offsets: the conventions of each kind of import

	@Test
	void staticImportSpecifierExcludesTheQuotes() {
		assertRecords("import a from './a.js';", "./a.js 15-21 statement 0-22 d=-1 a=-1");
	}

	@Test
	void sideEffectImportIsAStaticImport() {
		assertRecords("import './side.css'", "./side.css 8-18 statement 0-19 d=-1 a=-1");
	}

	@Test
	void exportFromIsAStaticImport() {
		assertRecords("export { a as b } from \"./re.js\"; export * from './all.js'",
				"./re.js 24-31 statement 0-32 d=-1 a=-1", "./all.js 49-57 statement 34-58 d=-1 a=-1");
	}

	@Test
	void staticImportAttributesExtendTheStatement() {
		assertRecords("import j from './j.json' with { type: 'json' };", "./j.json 15-23 statement 0-46 d=-1 a=30");
	}

	@Test
	void dynamicImportOfAStringLiteralIncludesTheQuotes() {
		assertRecords("import('./b.js')", "./b.js 7-15 statement 0-16 d=6 a=-1");
	}

	@Test
	void dynamicImportSpecifierStartsAfterCommentsAndWhitespace() {
		assertRecords("import( /* c */ './b.js' /* d */ )", "./b.js 16-24 statement 0-34 d=6 a=-1");
	}

	@Test
	void dynamicImportOfATemplateWithoutSubstitutionsHasASpecifier() {
		assertRecords("import(`./c.js`)", "./c.js 7-15 statement 0-16 d=6 a=-1");
	}

	@Test
	void dynamicImportOfAnExpressionHasNoSpecifier() {
		assertRecords("import('./a' + b)", "null 7-16 statement 0-17 d=6 a=-1");
		assertRecords("import(`./c${x}.js`)", "null 7-19 statement 0-20 d=6 a=-1");
		assertRecords("import(x)", "null 7-8 statement 0-9 d=6 a=-1");
	}

	@Test
	void dynamicImportOptionsAreItsAttributes() {
		assertRecords("import('./j.json', { with: { type: 'json' } })", "./j.json 7-17 statement 0-46 d=6 a=19");
	}

	@Test
	void importMetaIsRecordedWithoutSpecifier() {
		assertRecords("import.meta.url", "null 0-11 statement 0-11 d=-2 a=-1");
		assertRecords("x = {...import.meta}", "null 8-19 statement 8-19 d=-2 a=-1");
	}

	@Test
	void importMetaHotWithOptionalChainingIsImportMeta() {
		LexedModule module = EsModuleLexer.parse("import.meta.hot?.accept()");
		assertThat(module.imports()).singleElement().satisfies((meta) -> {
			assertThat(meta.isImportMeta()).isTrue();
			assertThat(meta.type()).isEqualTo(ImportSpecifier.Type.IMPORT_META);
		});
	}

	@Test
	void sourceAndDeferPhaseImportsHaveTheirOwnTypes() {
		assertThat(EsModuleLexer
			.parse("import source m from './m.wasm'; import defer * as d from './d.js';"
					+ " import.source('./s.wasm'); import.defer('./e.js'); import source from './named.js'")
			.imports()).extracting(ImportSpecifier::specifier, ImportSpecifier::type)
			.containsExactly(tuple("./m.wasm", ImportSpecifier.Type.STATIC_SOURCE_PHASE),
					tuple("./d.js", ImportSpecifier.Type.STATIC_DEFER_PHASE),
					tuple("./s.wasm", ImportSpecifier.Type.DYNAMIC_SOURCE_PHASE),
					tuple("./e.js", ImportSpecifier.Type.DYNAMIC_DEFER_PHASE),
					tuple("./named.js", ImportSpecifier.Type.STATIC));
	}

	@Test
	void statementKeywordsNeedNoWhitespace() {
		assertThat(specifiers("import{a}from'./b.js';import*as n from'./c.js';export*from'./d.js'"))
			.containsExactly("./b.js", "./c.js", "./d.js");
	}

	// Specifiers

	@Test
	void escapesInSpecifiersAreDecoded() {
		assertRecords("import './\\u0061\\x62.js'", "./ab.js 8-23 statement 0-24 d=-1 a=-1");
	}

	@Test
	void legacyOctalEscapesAreDecodedInStringsLikeEvalDoes() {
		assertThat(specifiers("import './\\101.js'")).containsExactly("./A.js");
	}

	@Test
	void invalidEscapeLeavesTheSpecifierUnknown() {
		assertRecords("import './\\x.js'", "null 8-15 statement 0-16 d=-1 a=-1");
	}

	// Comments, strings, templates

	@Test
	void importsInCommentsAreIgnored() {
		assertThat(specifiers("// import('./no.js')\n/* import './no2.js' */ import('./yes.js')"))
			.containsExactly("./yes.js");
	}

	@Test
	void importsInStringsAreIgnored() {
		assertThat(specifiers("x = \"import('./no.js')\"; y = 'import \\'./no2.js\\''; import('./yes.js')"))
			.containsExactly("./yes.js");
	}

	@Test
	void importsInTemplateTextAreIgnoredButNotInSubstitutions() {
		assertThat(specifiers("x = `import('./no.js') ${import('./yes.js')}`")).containsExactly("./yes.js");
	}

	@Test
	void templatesNestInsideSubstitutionsOfTemplates() {
		assertThat(specifiers("x = `a${`b${import('./deep.js')}`}c${ {k: '}'}.k }`; import('./after.js')"))
			.containsExactly("./deep.js", "./after.js");
	}

	@Test
	void escapedDollarDoesNotOpenASubstitution() {
		assertThat(specifiers("x = `\\${import('./no.js')}`; import('./yes.js')")).containsExactly("./yes.js");
	}

	// Regular expressions and division (each source hides an import if the slash is
	// misread)

	@Test
	void regularExpressionContainingAnImportIsIgnored() {
		assertThat(specifiers("x = /import('.\\/no.js')/; y = /[/]import(\"x\")/; import('./yes.js')"))
			.containsExactly("./yes.js");
	}

	@Test
	void slashAfterAnIdentifierIsDivision() {
		assertThat(specifiers("r = a / 2; s = '/'; import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterAParenthesisedExpressionIsDivision() {
		assertThat(specifiers("x = (a) / 2; s = '/'; import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterPostfixIncrementIsDivision() {
		assertThat(specifiers("x = i++ / 2; s = '/'; import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterANumberWithSeparatorsIsDivision() {
		assertThat(specifiers("x = 1_000 / 2; s = '/'; import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterOptionalCallIsDivision() {
		assertThat(specifiers("x = a?.b?.(c) / 2; s = '/'; import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashOnTheNextLineAfterAValueIsDivision() {
		assertThat(specifiers("x = a\n/ 2; s = '/'; import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void identifierNamedOfIsNotTheForOfKeyword() {
		assertThat(specifiers("let of = 4; x = of / 2; s = '/'; import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterReturnStartsARegularExpression() {
		assertThat(specifiers("function f() { return /'/ } import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterTheParenthesisOfAnIfStartsARegularExpression() {
		assertThat(specifiers("if (a) /'/.test(b); import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterForOfStartsARegularExpression() {
		assertThat(specifiers("for (const m of /'/g) {} import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterABlockStartsARegularExpression() {
		assertThat(specifiers("x;{}\n/'/g; import('./y.js')")).containsExactly("./y.js");
		assertThat(specifiers("x = () => {} /'/; import('./y.js')")).containsExactly("./y.js");
		assertThat(specifiers("class A {} /'/; import('./y.js')")).containsExactly("./y.js");
	}

	@Test
	void slashAfterExportDefaultStartsARegularExpression() {
		assertThat(specifiers("export default /'/; import('./y.js')")).containsExactly("./y.js");
	}

	// import as a name

	@Test
	void importAsAPropertyIsNotAnImport() {
		assertThat(
				EsModuleLexer.parse("obj.import('./no.js'); x.import; a?.import('./no2.js'); obj. import('./no3.js')")
					.imports())
			.isEmpty();
	}

	@Test
	void methodNamedImportIsNotAnImport() {
		assertThat(EsModuleLexer.parse("o = { import() { return 1 } }; class K { import() {} }").imports()).isEmpty();
	}

	@Test
	void classFieldsAndPrivateNamesDoNotHideImports() {
		assertThat(specifiers("class C { #import = 1; static s = import('./static.js'); import() {} }"))
			.containsExactly("./static.js");
	}

	@Test
	void dynamicImportFollowedByThenIsAnImport() {
		assertRecords("import ( './x.js' ) . then(f)", "./x.js 9-17 statement 0-19 d=7 a=-1");
	}

	// Exports

	@Test
	void exportedNamesAreFound() {
		LexedModule module = EsModuleLexer.parse("export const a = 1, { b, c: d } = o; export function f() {}\n"
				+ "export class K {}\nexport { x as y, z }; export default 42;\nexport * as ns from './ns.js'");
		assertThat(module.exports()).extracting(ExportSpecifier::name, ExportSpecifier::localName)
			.containsExactly(tuple("a", "a"), tuple("b", "b"), tuple("d", "d"), tuple("f", "f"), tuple("K", "K"),
					tuple("y", "x"), tuple("z", "z"), tuple("default", null), tuple("ns", null));
	}

	@Test
	void reExportedNamesHaveNoLocalName() {
		LexedModule module = EsModuleLexer.parse("export { a as 'b c', default } from './m.js'");
		assertThat(module.exports())
			.extracting(ExportSpecifier::name, ExportSpecifier::localName, ExportSpecifier::localStart)
			.containsExactly(tuple("b c", null, -1), tuple("default", null, -1));
	}

	@Test
	void namedDefaultExportHasItsLocalName() {
		assertThat(EsModuleLexer.parse("export default async function* gen() {}").exports())
			.extracting(ExportSpecifier::name, ExportSpecifier::localName)
			.containsExactly(tuple("default", "gen"));
	}

	@Test
	void importsInExportInitializersAreFound() {
		assertThat(specifiers("export const a = import('./a.js'), b = [import('./b.js')];")).containsExactly("./a.js",
				"./b.js");
	}

	// Errors

	@Test
	void unterminatedStringIsASyntaxError() {
		assertThatExceptionOfType(SourceSyntaxException.class).isThrownBy(() -> EsModuleLexer.parse("x = 'abc\n"))
			.withMessageContaining("Parse error at 1:");
	}

	@Test
	void unterminatedTemplateIsASyntaxError() {
		assertThatExceptionOfType(SourceSyntaxException.class).isThrownBy(() -> EsModuleLexer.parse("x = `${a}"));
	}

	@Test
	void unbalancedBracketsAreASyntaxError() {
		assertThatExceptionOfType(SourceSyntaxException.class).isThrownBy(() -> EsModuleLexer.parse("f(a"))
			.satisfies((ex) -> assertThat(ex.getPosition()).isEqualTo(3));
		assertThatExceptionOfType(SourceSyntaxException.class).isThrownBy(() -> EsModuleLexer.parse("a)"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("syntaxErrors")
	void syntaxErrorNamesTheLineAndColumnWhereTheFaultStarts(String fault, String source, int line, int column) {
		assertThatExceptionOfType(SourceSyntaxException.class).isThrownBy(() -> EsModuleLexer.parse(source))
			.withMessage("Parse error at " + line + ":" + column)
			.satisfies((ex) -> assertThat(ex.getPosition()).isEqualTo(offsetOf(source, line, column)));
	}

	private static int offsetOf(String source, int line, int column) {
		int lineStart = 0;
		for (int i = 1; i < line; i++) {
			lineStart = source.indexOf('\n', lineStart) + 1;
		}
		return lineStart + column - 1;
	}

	static Stream<Arguments> syntaxErrors() {
		return Stream.of(arguments("unterminated string", "const a = 1;\nconst s = 'open\nconst b = 2;\n", 2, 11),
				arguments("unterminated string in an import", "import a from './a.js';\nimport b from \"./b.js\n", 2,
						15),
				arguments("unterminated string at the start of a line", "const a = 1;\n'open", 2, 1),
				arguments("unterminated template", "const a = 1;\nconst t = `open\nmore\n", 2, 11),
				arguments("unterminated template after a substitution", "f();\n\nx = `a ${b} c\n${d}\n", 3, 5),
				arguments("unterminated inner template", "x = `a ${`b ${c}\n", 1, 10),
				arguments("unterminated regular expression", "let a;\nlet r = /ab\n/;", 2, 9),
				arguments("line break in a character class", "let a;\n\tlet r = /a[b\n]/;", 2, 10),
				arguments("unterminated character class", "let a;\nlet r = /a[b", 2, 9),
				arguments("closing brace without an opening one", "let a = {};\n}\n", 2, 1),
				arguments("closing bracket without an opening one", "let a = [];\nlet b = 1];", 2, 10),
				arguments("closing parenthesis without an opening one", "f();\n  )", 2, 3),
				arguments("unclosed brace at the end", "function f() {\n  return 1;\n", 3, 1));
	}

	@Test
	void emptySourceHasNothing() {
		LexedModule module = EsModuleLexer.parse("");
		assertThat(module.imports()).isEmpty();
		assertThat(module.exports()).isEmpty();
	}

	private static List<String> specifiers(String source) {
		return EsModuleLexer.parse(source).imports().stream().map(ImportSpecifier::specifier).toList();
	}

	private static void assertRecords(String source, String... expected) {
		List<String> actual = EsModuleLexer.parse(source)
			.imports()
			.stream()
			.map((i) -> i.specifier() + " " + i.start() + "-" + i.end() + " statement " + i.statementStart() + "-"
					+ i.statementEnd() + " d=" + i.dynamicStart() + " a=" + i.attributesStart())
			.toList();
		assertThat(actual).as(source).containsExactly(expected);
	}

}
