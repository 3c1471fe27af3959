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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HmrAcceptLexer}.
 */
class HmrAcceptLexerTests {

	@Test
	void acceptWithoutArgumentsIsSelfAccepting() {
		HotUsage hot = scan("import.meta.hot.accept()");
		assertThat(hot.usesHot()).isTrue();
		assertThat(hot.isSelfAccepting()).isTrue();
		assertThat(hot.acceptedDeps()).isEmpty();
	}

	@Test
	void acceptWithACallbackIsSelfAccepting() {
		assertThat(scan("import.meta.hot.accept((mod) => render(mod))").isSelfAccepting()).isTrue();
		assertThat(scan("import.meta.hot.accept(function (mod) {})").isSelfAccepting()).isTrue();
		assertThat(scan("import.meta.hot.accept(onUpdate)").isSelfAccepting()).isTrue();
	}

	@Test
	void acceptWithAStringAcceptsThatDep() {
		String code = "import.meta.hot.accept('./dep.js', (dep) => {})";
		HotUsage hot = scan(code);
		assertThat(hot.isSelfAccepting()).isFalse();
		assertThat(hot.acceptedDeps()).containsExactly(new AcceptedDep("./dep.js", 23, 33));
		assertThat(code.substring(23, 33)).isEqualTo("'./dep.js'");
	}

	@Test
	void acceptWithAnArrayAcceptsEachDep() {
		HotUsage hot = scan("import.meta.hot.accept([ './a.js', \"./b.js\" , `./c.js` ], ([a, b, c]) => {})");
		assertThat(hot.isSelfAccepting()).isFalse();
		assertThat(hot.acceptedDeps()).extracting(AcceptedDep::specifier).containsExactly("./a.js", "./b.js", "./c.js");
	}

	@Test
	void acceptWithOptionalChainingIsRead() {
		assertThat(scan("import.meta.hot?.accept('./dep.js')").acceptedDeps()).extracting(AcceptedDep::specifier)
			.containsExactly("./dep.js");
		assertThat(scan("import.meta.hot?.accept()").isSelfAccepting()).isTrue();
	}

	@Test
	void templateWithoutSubstitutionIsADep() {
		assertThat(scan("import.meta.hot.accept(`./t.js`, cb)").acceptedDeps()).extracting(AcceptedDep::specifier)
			.containsExactly("./t.js");
	}

	@Test
	void templateWithSubstitutionIsAnError() {
		assertThatExceptionOfType(SourceSyntaxException.class)
			.isThrownBy(() -> scan("import.meta.hot.accept(`./${name}.js`, cb)"))
			.withMessage(HmrAcceptLexer.INVALID_ACCEPT_MESSAGE)
			.satisfies((ex) -> assertThat(ex.getPosition()).isEqualTo(26));
	}

	@Test
	void nonLiteralInsideTheArrayIsAnError() {
		assertThatExceptionOfType(SourceSyntaxException.class)
			.isThrownBy(() -> scan("import.meta.hot.accept(['./a.js', dep], cb)"))
			.withMessage("import.meta.hot.accept() can only accept string literals or an Array of string literals.");
	}

	@Test
	void accessesOtherThanAcceptOnlyMarkTheModuleAsUsingHot() {
		HotUsage hot = scan("if (import.meta.hot) { import.meta.hot.dispose(() => {}); import.meta.hot.data.x = 1 }");
		assertThat(hot.usesHot()).isTrue();
		assertThat(hot.isSelfAccepting()).isFalse();
		assertThat(hot.acceptedDeps()).isEmpty();
		assertThat(hot.acceptedExports()).isNull();
	}

	@Test
	void otherImportMetaPropertiesDoNotUseHot() {
		assertThat(scan("const u = import.meta.url; import.meta.env")).isEqualTo(HotUsage.NONE);
	}

	@Test
	void acceptInACommentOrStringIsIgnored() {
		assertThat(scan("// import.meta.hot.accept()\nconst s = 'import.meta.hot.accept()'")).isEqualTo(HotUsage.NONE);
	}

	@Test
	void acceptWrittenWithSpacesIsNotRecognised() {
		HotUsage hot = scan("import.meta.hot . accept()");
		assertThat(hot.usesHot()).isTrue();
		assertThat(hot.isSelfAccepting()).isFalse();
	}

	@Test
	void acceptExportsRecordsTheNames() {
		HotUsage hot = scan("export const a = 1; import.meta.hot.acceptExports(['a', 'b'], cb)");
		assertThat(hot.acceptedExports()).containsExactly("a", "b");
		assertThat(hot.isSelfAccepting()).isFalse();
	}

	@Test
	void acceptExportsWithOneNameRecordsIt() {
		assertThat(scan("import.meta.hot.acceptExports('default')").acceptedExports()).containsExactly("default");
	}

	@Test
	void severalAcceptCallsAddUp() {
		HotUsage hot = scan("import.meta.hot.accept('./a.js', f); import.meta.hot.accept(['./b.js']); "
				+ "import.meta.hot.accept()");
		assertThat(hot.isSelfAccepting()).isTrue();
		assertThat(hot.acceptedDeps()).extracting(AcceptedDep::specifier).containsExactly("./a.js", "./b.js");
	}

	@Test
	void lexAcceptedHmrDepsStartsAfterTheParenthesis() {
		List<AcceptedDep> deps = new ArrayList<>();
		String code = "hot.accept(  \"./x.js\")";
		assertThat(HmrAcceptLexer.lexAcceptedHmrDeps(code, 11, deps)).isFalse();
		assertThat(deps).containsExactly(new AcceptedDep("./x.js", 13, 21));
	}

	@Test
	void lexAcceptedHmrExportsCollectsNames() {
		Set<String> names = new LinkedHashSet<>();
		assertThat(HmrAcceptLexer.lexAcceptedHmrExports("(['x', 'y'])", 1, names)).isTrue();
		assertThat(names).containsExactly("x", "y");
	}

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "0009", "000A", "000B", "000C", "000D", "0020", "00A0", "1680", "2000", "2005", "200A",
			"2028", "2029", "202F", "205F", "3000", "FEFF" })
	void javaScriptWhitespaceBeforeTheArgumentIsSkipped(String codePoint) {
		String space = Character.toString(Integer.parseInt(codePoint, 16));
		List<AcceptedDep> deps = new ArrayList<>();
		assertThat(HmrAcceptLexer.lexAcceptedHmrDeps("(" + space + "['./a.js'," + space + "'./b.js'" + space + "])", 1,
				deps))
			.isFalse();
		assertThat(deps).extracting(AcceptedDep::specifier).containsExactly("./a.js", "./b.js");
	}

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "0008", "000E", "001F", "009F", "1FFF", "200B", "2027", "202A", "2060", "FEFE" })
	void otherCharacterBeforeTheArgumentMakesTheCallSelfAccepting(String codePoint) {
		String other = Character.toString(Integer.parseInt(codePoint, 16));
		List<AcceptedDep> deps = new ArrayList<>();
		assertThat(HmrAcceptLexer.lexAcceptedHmrDeps("(" + other + "'./a.js')", 1, deps)).isTrue();
		assertThat(deps).isEmpty();
	}

	@Test
	void unterminatedStringArgumentAcceptsNothing() {
		List<AcceptedDep> deps = new ArrayList<>();
		assertThat(HmrAcceptLexer.lexAcceptedHmrDeps("('./a.js", 1, deps)).isFalse();
		assertThat(deps).isEmpty();
	}

	@Test
	void unterminatedStringInAnArrayEndsTheDeps() {
		List<AcceptedDep> deps = new ArrayList<>();
		assertThat(HmrAcceptLexer.lexAcceptedHmrDeps("(['./a.js', './b.js", 1, deps)).isFalse();
		assertThat(deps).extracting(AcceptedDep::specifier).containsExactly("./a.js");
	}

	@Test
	void unclosedArrayEndsTheDeps() {
		List<AcceptedDep> deps = new ArrayList<>();
		assertThat(HmrAcceptLexer.lexAcceptedHmrDeps("(['./a.js' ", 1, deps)).isFalse();
		assertThat(deps).extracting(AcceptedDep::specifier).containsExactly("./a.js");
	}

	@Test
	void emptyArrayAcceptsNothingAndIsNotSelfAccepting() {
		HotUsage hot = scan("import.meta.hot.accept([], () => {})");
		assertThat(hot.isSelfAccepting()).isFalse();
		assertThat(hot.acceptedDeps()).isEmpty();
	}

	@Test
	void emptyArgumentsAtTheEndOfTheInputAreSelfAcceptingOnlyWithAnArgument() {
		List<AcceptedDep> deps = new ArrayList<>();
		assertThat(HmrAcceptLexer.lexAcceptedHmrDeps("(", 1, deps)).isFalse();
		assertThat(HmrAcceptLexer.lexAcceptedHmrDeps("( ", 1, deps)).isFalse();
		assertThat(deps).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "import.meta.hot", "import.meta.hot?", "import.meta.hot.accept", "import.meta.hot?.accept",
			"import.meta.hot.acceptExports", "x = import.meta.hot\n" })
	void hotAtTheEndOfTheInputOnlyUsesHot(String code) {
		String source = code.replace("\\n", "\n");
		HotUsage hot = scan(source);
		assertThat(hot.usesHot()).isTrue();
		assertThat(hot.isSelfAccepting()).isFalse();
		assertThat(hot.acceptedDeps()).isEmpty();
		assertThat(hot.acceptedExports()).isNull();
	}

	@Test
	void acceptExportsWithNoNamesReportsNone() {
		Set<String> names = new LinkedHashSet<>();
		assertThat(HmrAcceptLexer.lexAcceptedHmrExports("([])", 1, names)).isFalse();
		assertThat(HmrAcceptLexer.lexAcceptedHmrExports("()", 1, names)).isFalse();
		assertThat(names).isEmpty();
	}

	@Test
	void acceptExportsWithNoNamesStillRecordsThatItWasCalled() {
		assertThat(scan("import.meta.hot.acceptExports([])").acceptedExports()).isEmpty();
	}

	@Test
	void hotOfAnotherImportMetaPropertyIsNotHot() {
		assertThat(scan("import.meta.env.hot").usesHot()).isFalse();
	}

	private static HotUsage scan(String code) {
		return HmrAcceptLexer.scan(code, EsModuleLexer.parse(code).imports());
	}

}
