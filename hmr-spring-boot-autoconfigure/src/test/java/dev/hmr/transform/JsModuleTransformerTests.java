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
import java.util.Map;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsModuleTransformer}.
 */
class JsModuleTransformerTests {

	private static final String PRELUDE = "import { createHotContext as __vite__createHotContext } from \"/@vite/client\";"
			+ "import.meta.hot = __vite__createHotContext(\"/js/app.js\");";

	private static final ToLongFunction<String> NEVER_UPDATED = (url) -> 0;

	private final JsModuleTransformer transformer = new JsModuleTransformer();

	@Test
	void moduleWithoutImportsOrHotIsServedUnchanged() {
		String code = "export const answer = 42;\nconsole.log(import.meta.url)\n";
		TransformedModule module = transform(code);
		assertThat(module.code()).isSameAs(code).isEqualTo(code);
		assertThat(module.usesHot()).isFalse();
		assertThat(module.isSelfAccepting()).isFalse();
		assertThat(module.importedUrls()).isEmpty();
	}

	@Test
	void moduleUsingHotGetsVitesPreludeExactly() {
		TransformedModule module = transform("if (import.meta.hot) {\n  import.meta.hot.accept()\n}\n");
		assertThat(module.code()).isEqualTo(PRELUDE + "if (import.meta.hot) {\n  import.meta.hot.accept()\n}\n");
		assertThat(module.usesHot()).isTrue();
		assertThat(module.isSelfAccepting()).isTrue();
	}

	@Test
	void preludeUsesTheConfiguredClientUrlAndTheCanonicalModuleUrl() {
		TransformedModule module = new JsModuleTransformer("/app/").transform("import.meta.hot.accept()",
				"/js/app.js?t=1700000000000", SpecifierResolver.relative("/app/"), NEVER_UPDATED);
		assertThat(module.code()).startsWith("import { createHotContext as __vite__createHotContext } from "
				+ "\"/app/@vite/client\";import.meta.hot = __vite__createHotContext(\"/js/app.js\");");
	}

	@Test
	void underABaseImportsAreServedWithItAndCanonicalUrlsAreWithout() {
		TransformedModule module = new JsModuleTransformer("/app/").transform(
				"import a from './a.js';\nimport b from '/app/lib/b.js';\nimport c from '/other/c.js';\n"
						+ "import logo from './logo.svg';\nimport.meta.hot.accept('./a.js', () => {})\n",
				"/js/app.js", SpecifierResolver.relative("/app/"),
				(url) -> url.equals("/js/a.js") ? 1700000000000L : 0);
		assertThat(module.code()).contains("import a from \"/app/js/a.js?t=1700000000000\";")
			.contains("import b from '/app/lib/b.js';")
			.contains("import c from '/other/c.js';")
			.contains("import logo from \"/app/js/logo.svg?import\";")
			.contains("import.meta.hot.accept(\"/js/a.js\", () => {})")
			.contains("__vite__createHotContext(\"/js/app.js\")");
		assertThat(module.importedUrls()).containsExactly("/js/a.js", "/lib/b.js", "/js/logo.svg");
		assertThat(module.acceptedUrls()).containsExactly("/js/a.js");
	}

	@Test
	void hotInACommentDoesNotAddThePrelude() {
		assertThat(transform("// import.meta.hot.accept()\n").code()).isEqualTo("// import.meta.hot.accept()\n");
	}

	@Test
	void relativeImportsBecomeCanonicalUrls() {
		TransformedModule module = transform("import a from './a.js';\nimport '../lib/b.js'\nexport * from './c.js'");
		assertThat(module.code())
			.isEqualTo("import a from \"/js/a.js\";\nimport \"/lib/b.js\"\nexport * from \"/js/c.js\"");
		assertThat(module.importedUrls()).containsExactly("/js/a.js", "/lib/b.js", "/js/c.js");
		assertThat(module.staticImportedUrls()).containsExactly("/js/a.js", "/lib/b.js", "/js/c.js");
	}

	@Test
	void canonicalImportsAreLeftAsWritten() {
		String code = "import a from '/js/a.js'";
		assertThat(transform(code).code()).isEqualTo(code);
	}

	@Test
	void bareSpecifiersAreLeftForTheImportMap() {
		String code = "import { html } from 'lit';\nimport { createApp } from \"vue\";\nconst m = import('lodash-es')";
		TransformedModule module = transform(code);
		assertThat(module.code()).isEqualTo(code);
		assertThat(module.importedUrls()).isEmpty();
	}

	@Test
	void fullUrlsAreLeftAsWritten() {
		String code = "import x from 'https://cdn.example/x.js'; import y from 'data:text/javascript,export default 1'";
		assertThat(transform(code).code()).isEqualTo(code);
	}

	@Test
	void updatedModulesAreImportedWithTheirTimestamp() {
		TransformedModule module = this.transformer.transform("import a from './a.js'; import b from './b.js'",
				"/js/app.js", SpecifierResolver.relative(),
				(url) -> Map.of("/js/a.js", 1700000000123L).getOrDefault(url, 0L));
		assertThat(module.code()).isEqualTo("import a from \"/js/a.js?t=1700000000123\"; import b from \"/js/b.js\"");
		assertThat(module.importedUrls()).containsExactly("/js/a.js", "/js/b.js");
	}

	@Test
	void timestampIsAddedBeforeAnExistingQueryLikeTheClientDoes() {
		TransformedModule module = this.transformer.transform("import a from './a.js?v=2'", "/js/app.js",
				SpecifierResolver.relative(), (url) -> url.equals("/js/a.js") ? 1700000000123L : 0);
		assertThat(module.code()).isEqualTo("import a from \"/js/a.js?t=1700000000123&v=2\"");
	}

	@Test
	void nonJavaScriptImportsGetTheImportMarker() {
		TransformedModule module = this.transformer.transform(
				"import logo from './logo.svg'; import data from './data.json'; import './style.css'", "/js/app.js",
				SpecifierResolver.relative(), (url) -> url.equals("/js/logo.svg") ? 1700000000123L : 0);
		assertThat(module.code()).isEqualTo("import logo from \"/js/logo.svg?import&t=1700000000123\"; "
				+ "import data from \"/js/data.json?import\"; import \"/js/style.css\"");
		assertThat(module.importedUrls()).containsExactly("/js/logo.svg", "/js/data.json", "/js/style.css");
	}

	@Test
	void dynamicImportsOfLiteralsAreRewritten() {
		TransformedModule module = transform(
				"const a = await import('./a.js');\nconst b = import(`./b.js`);\nconst c = import(\"./c.js\", { with: {} })");
		assertThat(module.code()).isEqualTo("const a = await import(\"/js/a.js\");\nconst b = import(\"/js/b.js\");\n"
				+ "const c = import(\"/js/c.js\", { with: {} })");
		assertThat(module.importedUrls()).containsExactly("/js/a.js", "/js/b.js", "/js/c.js");
		assertThat(module.staticImportedUrls()).isEmpty();
	}

	@Test
	void dynamicImportsOfExpressionsAreLeftAsWritten() {
		String code = "import(`./pages/${name}.js`); import('./x' + y)";
		TransformedModule module = transform(code);
		assertThat(module.code()).isEqualTo(code);
		assertThat(module.importedUrls()).isEmpty();
	}

	@Test
	void acceptedDepsAreRewrittenToTheirCanonicalUrls() {
		TransformedModule module = transform(
				"import { render } from './child.js'\nimport.meta.hot.accept('./child.js', (m) => m.render())");
		assertThat(module.code()).isEqualTo(PRELUDE + "import { render } from \"/js/child.js\"\n"
				+ "import.meta.hot.accept(\"/js/child.js\", (m) => m.render())");
		assertThat(module.acceptedUrls()).containsExactly("/js/child.js");
		assertThat(module.isSelfAccepting()).isFalse();
	}

	@Test
	void acceptedDepsInAnArrayAreRewritten() {
		TransformedModule module = this.transformer.transform(
				"import.meta.hot?.accept(['./a.js', \"../b.js\"], ([a, b]) => {})", "/js/app.js",
				SpecifierResolver.relative(), (url) -> 1700000000123L);
		assertThat(module.code())
			.isEqualTo(PRELUDE + "import.meta.hot?.accept([\"/js/a.js\", \"/b.js\"], ([a, b]) => {})");
		assertThat(module.acceptedUrls()).containsExactly("/js/a.js", "/b.js");
	}

	@Test
	void acceptedDepBeforeALaterImportIsRewrittenToo() {
		TransformedModule module = transform("import.meta.hot.accept('./a.js', () => {});\nimport('./b.js')");
		assertThat(module.code())
			.isEqualTo(PRELUDE + "import.meta.hot.accept(\"/js/a.js\", () => {});\nimport(\"/js/b.js\")");
		assertThat(module.acceptedUrls()).containsExactly("/js/a.js");
		assertThat(module.importedUrls()).containsExactly("/js/b.js");
	}

	@Test
	void acceptedDepsAndImportsInterleavedAreAllRewritten() {
		TransformedModule module = transform("import a from './a.js';\nimport.meta.hot.accept(['./a.js', './b.js']);\n"
				+ "import b from './b.js';\nimport.meta.hot.accept('./c.js');\nimport('./c.js')");
		assertThat(module.code()).isEqualTo(PRELUDE + "import a from \"/js/a.js\";\n"
				+ "import.meta.hot.accept([\"/js/a.js\", \"/js/b.js\"]);\nimport b from \"/js/b.js\";\n"
				+ "import.meta.hot.accept(\"/js/c.js\");\nimport(\"/js/c.js\")");
	}

	@Test
	void acceptExportsNamingEveryExportMakesTheModuleSelfAccepting() {
		TransformedModule module = transform(
				"export const a = 1; export function b() {}\nimport.meta.hot.acceptExports(['a', 'b'])");
		assertThat(module.acceptedExports()).containsExactly("a", "b");
		assertThat(module.isSelfAccepting()).isTrue();
	}

	@Test
	void acceptExportsNamingSomeExportsIsPartial() {
		TransformedModule module = transform("export const a = 1, b = 2;\nimport.meta.hot.acceptExports('a')");
		assertThat(module.acceptedExports()).containsExactly("a");
		assertThat(module.isSelfAccepting()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			export const a = 1, b = 2; import.meta.hot.acceptExports(['a', 'c'])       | false
			export const a = 1, b = 2; import.meta.hot.acceptExports(['c', 'd', 'e'])  | false
			export const a = 1, b = 2; import.meta.hot.acceptExports(['b', 'a', 'c'])  | true
			export default 1; import.meta.hot.acceptExports('default')                 | true
			export default 1; import.meta.hot.acceptExports([])                        | false
			import.meta.hot.acceptExports([])                                          | true
			""")
	void acceptExportsSelfAcceptsOnlyWhenItNamesEveryExport(String code, boolean selfAccepting) {
		assertThat(transform(code).isSelfAccepting()).isEqualTo(selfAccepting);
	}

	@Test
	void moduleWithoutAcceptExportsHasNoAcceptedExports() {
		assertThat(transform("import.meta.hot.accept()").acceptedExports()).isNull();
	}

	@Test
	void customResolverCanResolveBareSpecifiers() {
		SpecifierResolver resolver = (specifier, importer) -> specifier.equals("lit") ? "/webjars/lit/index.js"
				: SpecifierResolver.relative().resolve(specifier, importer);
		TransformedModule module = this.transformer.transform("import { html } from 'lit'; import 'vue'", "/js/app.js",
				resolver, NEVER_UPDATED);
		assertThat(module.code()).isEqualTo("import { html } from \"/webjars/lit/index.js\"; import 'vue'");
		assertThat(module.importedUrls()).containsExactly("/webjars/lit/index.js");
	}

	@Test
	void rewritingKeepsTheRestOfTheCodeAndItsLines() {
		String code = "import a from './a.js' // one\n/* two */ import b from \"./b.js\"\nconst s = '/./a.js'\n";
		assertThat(transform(code).code()).isEqualTo(
				"import a from \"/js/a.js\" // one\n/* two */ import b from \"/js/b.js\"\nconst s = '/./a.js'\n");
	}

	@Test
	void assetModuleExportsTheAssetUrl() {
		assertThat(JsModuleTransformer.assetModule("/img/logo.svg")).isEqualTo("export default \"/img/logo.svg\";\n");
		assertThat(JsModuleTransformer.assetModule("/img/\"quoted\".svg"))
			.isEqualTo("export default \"/img/\\\"quoted\\\".svg\";\n");
	}

	@Test
	void adjacentEditsAreBothApplied() {
		assertThat(JsModuleTransformer.apply("abcd",
				new ArrayList<>(
						List.of(new JsModuleTransformer.Edit(2, 4, "CD"), new JsModuleTransformer.Edit(0, 2, "AB"))),
				""))
			.isEqualTo("ABCD");
	}

	@Test
	void overlappingEditIsDropped() {
		assertThat(JsModuleTransformer.apply("abcd",
				new ArrayList<>(
						List.of(new JsModuleTransformer.Edit(0, 3, "ABC"), new JsModuleTransformer.Edit(2, 4, "CD"))),
				">"))
			.isEqualTo(">ABCd");
	}

	@Test
	void invalidAcceptArgumentsAreAnError() {
		assertThatExceptionOfType(SourceSyntaxException.class)
			.isThrownBy(() -> transform("import.meta.hot.accept([dep])"))
			.withMessage(HmrAcceptLexer.INVALID_ACCEPT_MESSAGE);
	}

	@Test
	void invalidJavaScriptIsAnError() {
		assertThatExceptionOfType(SourceSyntaxException.class).isThrownBy(() -> transform("const s = 'open"));
	}

	private TransformedModule transform(String code) {
		return this.transformer.transform(code, "/js/app.js", SpecifierResolver.relative(), NEVER_UPDATED);
	}

}
