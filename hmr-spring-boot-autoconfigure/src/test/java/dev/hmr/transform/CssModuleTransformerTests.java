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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link CssModuleTransformer}.
 */
class CssModuleTransformerTests {

	private final CssModuleTransformer transformer = new CssModuleTransformer("/");

	@Test
	void cssImportedFromJavaScriptBecomesASelfAcceptingModule() {
		TransformedModule module = this.transformer.toJsModule("body { color: red }\n", "/css/style.css",
				"/abs/css/style.css", SpecifierResolver.relative(), (url) -> 0);
		assertThat(module.code()).isEqualTo("import { createHotContext as __vite__createHotContext } from "
				+ "\"/@vite/client\";import.meta.hot = __vite__createHotContext(\"/css/style.css\");"
				+ "import { updateStyle as __vite__updateStyle, removeStyle as __vite__removeStyle } from "
				+ "\"/@vite/client\"\n" + "const __vite__id = \"/abs/css/style.css\"\n"
				+ "const __vite__css = \"body { color: red }\\n\"\n" + "__vite__updateStyle(__vite__id, __vite__css)\n"
				+ "import.meta.hot.accept()\n" + "import.meta.hot.prune(() => __vite__removeStyle(__vite__id))");
		assertThat(module.isSelfAccepting()).isTrue();
		assertThat(module.usesHot()).isTrue();
		assertThat(module.acceptedUrls()).isEmpty();
		assertThat(module.acceptedExports()).isNull();
	}

	@Test
	void generatedModuleLexesLikeAnyModule() {
		TransformedModule module = this.transformer.toJsModule("a { }", "/a.css", "/a.css",
				SpecifierResolver.relative(), (url) -> 0);
		TransformedModule analysed = new JsModuleTransformer().transform(
				module.code().substring(module.code().indexOf(");") + 2), "/a.css", SpecifierResolver.relative(),
				(url) -> 0);
		assertThat(analysed.isSelfAccepting()).isTrue();
	}

	@Test
	void cssTextIsASafeStringLiteral() {
		String css = "a::after { content: \"\\\"</script><!-- \\u2028\" }\u2028\u2029\t\r\n\\";
		String code = this.transformer.toJsModule(css, "/a.css", "/a.css", SpecifierResolver.relative(), (url) -> 0)
			.code();
		String line = code.lines().filter((l) -> l.startsWith("const __vite__css = ")).findFirst().orElseThrow();
		assertThat(line).isEqualTo("const __vite__css = \"a::after { content: \\\"\\\\\\\"\\u003c/script>\\u003c!-- "
				+ "\\\\u2028\\\" }\\u2028\\u2029\\t\\r\\n\\\\\"");
		assertThat(code).doesNotContain("</script").doesNotContain("\u2028").doesNotContain("\u2029");
		String literal = line.substring("const __vite__css = ".length());
		assertThat(JsStrings.evaluate(literal.toCharArray(), 0, literal.length())).isEqualTo(css);
	}

	@Test
	void relativeImportsInTheCssBecomeAbsolute() {
		TransformedModule module = this.transformer.toJsModule("@import './base.css';\n@import url(../theme.css);",
				"/css/app/main.css", "/abs/main.css", SpecifierResolver.relative(), (url) -> 0);
		assertThat(module.code()).contains("const __vite__css = \"@import '/css/app/base.css?at-import';\\n"
				+ "@import url(/css/theme.css?at-import);\"");
		assertThat(module.importedUrls()).containsExactly("/css/app/base.css", "/css/theme.css");
	}

	@Test
	void updatedImportedStylesheetsGetATimestamp() {
		TransformedModule module = this.transformer.rewriteImports("@import \"./base.css\" screen;", "/css/main.css",
				SpecifierResolver.relative(), (url) -> url.equals("/css/base.css") ? 1700000000123L : 0);
		assertThat(module.code()).isEqualTo("@import \"/css/base.css?t=1700000000123&at-import\" screen;");
		assertThat(module.isSelfAccepting()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("importsWithSpecialCharacters")
	void importUrlWithSpecialCharactersIsDecodedForResolvingAndEscapedWhenRewritten(String css, String imported,
			String rewritten) {
		TransformedModule module = this.transformer.rewriteImports(css, "/css/main.css", SpecifierResolver.relative(),
				(url) -> 0);
		assertThat(module.importedUrls()).containsExactly(imported);
		assertThat(module.code()).isEqualTo(rewritten);
		assertThat(CssImportLexer.parse(rewritten)).extracting(CssImport::url)
			.containsExactly(imported + "?" + CssModuleTransformer.IMPORTED_MARKER);
	}

	static Stream<Arguments> importsWithSpecialCharacters() {
		return Stream.of(
				arguments("@import \"./my file.css\";", "/css/my file.css", "@import \"/css/my file.css?at-import\";"),
				arguments("@import url(\"./my file.css\");", "/css/my file.css",
						"@import url(\"/css/my file.css?at-import\");"),
				arguments("@import url(./my\\ file.css);", "/css/my file.css",
						"@import url(/css/my\\ file.css?at-import);"),
				arguments("@import url(./my\\20 file.css);", "/css/my file.css",
						"@import url(/css/my\\ file.css?at-import);"),
				arguments("@import url( ./a\\(1\\).css );", "/css/a(1).css",
						"@import url( /css/a\\(1\\).css?at-import );"),
				arguments("@import \"./a(1).css\";", "/css/a(1).css", "@import \"/css/a(1).css?at-import\";"),
				arguments("@import url('./a(1).css');", "/css/a(1).css", "@import url('/css/a(1).css?at-import');"),
				arguments("@import \"./say \\\"hi\\\".css\";", "/css/say \"hi\".css",
						"@import \"/css/say \\\"hi\\\".css?at-import\";"),
				arguments("@import './it\\'s.css';", "/css/it's.css", "@import '/css/it\\'s.css?at-import';"),
				arguments("@import url(./it\\'s.css);", "/css/it's.css", "@import url(/css/it\\'s.css?at-import);"),
				arguments("@import \"./back\\\\slash.css\";", "/css/back\\slash.css",
						"@import \"/css/back\\\\slash.css?at-import\";"),
				arguments("@import url(./back\\\\slash.css);", "/css/back\\slash.css",
						"@import url(/css/back\\\\slash.css?at-import);"),
				arguments("@import \"./line\\a break.css\";", "/css/line\nbreak.css",
						"@import \"/css/line\\a break.css?at-import\";"),
				arguments("@import url(./tab\\9 x.css);", "/css/tab\tx.css",
						"@import url(/css/tab\\\tx.css?at-import);"));
	}

	@Test
	void importUrlWhoseEscapesDecodeToItsCanonicalUrlIsMarkedAsImported() {
		String css = "@import \"/css/my\\ file.css\";";
		TransformedModule module = this.transformer.rewriteImports(css, "/css/main.css", SpecifierResolver.relative(),
				(url) -> 0);
		assertThat(module.code()).isEqualTo("@import \"/css/my file.css?at-import\";");
		assertThat(module.importedUrls()).containsExactly("/css/my file.css");
	}

	@Test
	void withTheStylesheetResolverEveryUrlWithoutASchemeIsRelativeToTheStylesheet() {
		String css = "@import \"theme.css\";\n@import url(deep/a.css) screen;\n@import url('../b.css') layer(x);\n"
				+ "@import \"https://fonts.example/inter.css\";\n@import '//cdn.example/c.css';";
		TransformedModule module = this.transformer.rewriteImports(css, "/css/main.css",
				SpecifierResolver.stylesheet("/"), (url) -> 0);
		assertThat(module.importedUrls()).containsExactly("/css/theme.css", "/css/deep/a.css", "/b.css");
		assertThat(module.code()).isEqualTo("@import \"/css/theme.css?at-import\";\n"
				+ "@import url(/css/deep/a.css?at-import) screen;\n@import url('/b.css?at-import') layer(x);\n"
				+ "@import \"https://fonts.example/inter.css\";\n@import '//cdn.example/c.css';");
	}

	@Test
	void externalImportsAreLeftAsWritten() {
		String css = "@import url(https://fonts.example/css?family=Inter);";
		TransformedModule module = this.transformer.rewriteImports(css, "/css/main.css", SpecifierResolver.relative(),
				(url) -> 0);
		assertThat(module.code()).isEqualTo(css);
		assertThat(module.importedUrls()).isEmpty();
	}

}
