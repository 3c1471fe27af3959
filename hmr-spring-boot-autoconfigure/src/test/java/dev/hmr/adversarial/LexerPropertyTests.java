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

package dev.hmr.adversarial;

import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.hmr.transform.CssImportLexer;
import dev.hmr.transform.EsModuleLexer;
import dev.hmr.transform.JsModuleTransformer;
import dev.hmr.transform.SourceSyntaxException;
import dev.hmr.transform.SpecifierResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever text a served file holds, the lexers end promptly and either analyse it or
 * throw {@link SourceSyntaxException}, which becomes an overlay; nothing else escapes.
 */
class LexerPropertyTests {

	private static final Duration PROMPTLY = Duration.ofSeconds(5);

	private final JsModuleTransformer transformer = new JsModuleTransformer("/");

	@Property(tries = 2_000)
	void anyJavaScriptIsAnalysedOrIsASyntaxError(@ForAll("javaScriptLike") String code) {
		assertTimeoutPreemptively(PROMPTLY, () -> {
			try {
				EsModuleLexer.parse(code);
				this.transformer.transform(code, "/js/app.js", SpecifierResolver.relative(), (url) -> 0);
			}
			catch (SourceSyntaxException ex) {
				assertThat(ex.getPosition()).isBetween(0, code.length());
			}
		});
	}

	@Property(tries = 2_000)
	void anyStylesheetIsAnalysed(@ForAll("cssLike") String css) {
		assertTimeoutPreemptively(PROMPTLY, () -> {
			try {
				CssImportLexer.parse(css);
			}
			catch (SourceSyntaxException ex) {
				assertThat(ex.getPosition()).isBetween(0, css.length());
			}
		});
	}

	@Property(tries = 300)
	void deeplyNestedCodeIsAnalysedOrIsASyntaxError(@ForAll("nested") String code) {
		assertTimeoutPreemptively(PROMPTLY, () -> {
			try {
				this.transformer.transform(code, "/js/app.js", SpecifierResolver.relative(), (url) -> 0);
			}
			catch (SourceSyntaxException ex) {
				assertThat(ex.getPosition()).isBetween(0, code.length());
			}
		});
	}

	@Provide
	Arbitrary<String> javaScriptLike() {
		Arbitrary<String> token = Arbitraries.oneOf(
				Arbitraries.of("import", "export", "from", " ", "\n", "'", "\"", "`", "${", "}", "{", "(", ")", "[",
						"]", "/", "/*", "*/", "//", "\\", ";", ",", "=>", "import.meta", "import.meta.hot", ".accept(",
						".acceptExports(", "'./a.js'", "\"./b.js\"", "`./c.js`", "await", "async", "function", "class",
						"return", "yield", "if", "else", "x", "1", ".", "?.", "<!--", "-->", "#!", "\u2028",
						"\uD83D\uDE00", "\uD800", "a/b/g", "/re[/]x/", "*", "as", "default"),
				Arbitraries.strings().ofMaxLength(8));
		return token.list().ofMaxSize(60).map((tokens) -> String.join("", tokens));
	}

	@Provide
	Arbitrary<String> cssLike() {
		Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of("@import", " ", "\n", "url(", ")", "'", "\"", "\\",
				";", "{", "}", "/*", "*/", "./a.css", "screen", "@media", "@charset", "layer(", "supports("),
				Arbitraries.strings().ofMaxLength(8));
		return token.list().ofMaxSize(60).map((tokens) -> String.join("", tokens));
	}

	@Provide
	Arbitrary<String> nested() {
		Arbitrary<String> open = Arbitraries.of("(", "[", "{", "`${", "/*", "'");
		return Combinators.combine(open, Arbitraries.integers().between(1, 30_000))
			.as((bracket, depth) -> "import a from './a.js';\n" + bracket.repeat(depth));
	}

}
