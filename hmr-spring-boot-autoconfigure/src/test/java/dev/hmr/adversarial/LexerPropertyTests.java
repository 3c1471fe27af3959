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
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

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
 * The texts are seeded random inputs: pass {@code -Dhmr.adversarial.seed=N} to replay the
 * seed a failure names.
 */
class LexerPropertyTests {

	private static final long SEED = Long.parseLong(System.getProperty("hmr.adversarial.seed", "20260101"));

	private static final Duration PROMPTLY = Duration.ofSeconds(5);

	private static final String[] JS_TOKENS = { "import", "export", "from", " ", "\n", "'", "\"", "`", "${", "}", "{",
			"(", ")", "[", "]", "/", "/*", "*/", "//", "\\", ";", ",", "=>", "import.meta", "import.meta.hot",
			".accept(", ".acceptExports(", "'./a.js'", "\"./b.js\"", "`./c.js`", "await", "async", "function", "class",
			"return", "yield", "if", "else", "x", "1", ".", "?.", "<!--", "-->", "#!", "\u2028", "\uD83D\uDE00",
			"\uD800", "a/b/g", "/re[/]x/", "*", "as", "default" };

	private static final String[] CSS_TOKENS = { "@import", " ", "\n", "url(", ")", "'", "\"", "\\", ";", "{", "}",
			"/*", "*/", "./a.css", "screen", "@media", "@charset", "layer(", "supports(" };

	private static final String[] OPENERS = { "(", "[", "{", "`${", "/*", "'" };

	private final JsModuleTransformer transformer = new JsModuleTransformer("/");

	@Test
	void anyJavaScriptIsAnalysedOrIsASyntaxError() {
		SplittableRandom random = new SplittableRandom(SEED);
		for (int tries = 0; tries < 2_000; tries++) {
			String code = tokens(random, JS_TOKENS);
			String description = describe(tries, code);
			check(description, () -> {
				try {
					EsModuleLexer.parse(code);
					this.transformer.transform(code, "/js/app.js", SpecifierResolver.relative(), (url) -> 0);
				}
				catch (SourceSyntaxException ex) {
					assertThat(ex.getPosition()).as(description).isBetween(0, code.length());
				}
			});
		}
	}

	@Test
	void anyStylesheetIsAnalysed() {
		SplittableRandom random = new SplittableRandom(SEED);
		for (int tries = 0; tries < 2_000; tries++) {
			String css = tokens(random, CSS_TOKENS);
			String description = describe(tries, css);
			check(description, () -> {
				try {
					CssImportLexer.parse(css);
				}
				catch (SourceSyntaxException ex) {
					assertThat(ex.getPosition()).as(description).isBetween(0, css.length());
				}
			});
		}
	}

	@Test
	void deeplyNestedCodeIsAnalysedOrIsASyntaxError() {
		SplittableRandom random = new SplittableRandom(SEED);
		for (int tries = 0; tries < 300; tries++) {
			String code = nested(random);
			String description = describe(tries, code);
			check(description, () -> {
				try {
					this.transformer.transform(code, "/js/app.js", SpecifierResolver.relative(), (url) -> 0);
				}
				catch (SourceSyntaxException ex) {
					assertThat(ex.getPosition()).as(description).isBetween(0, code.length());
				}
			});
		}
	}

	/** Runs one case within the time bound; anything that escapes names the seed. */
	private static void check(String description, Executable analysis) {
		try {
			assertTimeoutPreemptively(PROMPTLY, analysis, description);
		}
		catch (AssertionError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new AssertionError(description + ": threw " + ex, ex);
		}
	}

	/** Up to 60 tokens, each one of the given or a random string of up to 8 chars. */
	private static String tokens(SplittableRandom random, String[] known) {
		StringBuilder text = new StringBuilder();
		int count = random.nextInt(61);
		for (int i = 0; i < count; i++) {
			text.append(random.nextBoolean() ? known[random.nextInt(known.length)] : randomText(random, 8));
		}
		return text.toString();
	}

	/** An import, then one opener repeated 1 to 30,000 times. */
	private static String nested(SplittableRandom random) {
		String bracket = OPENERS[random.nextInt(OPENERS.length)];
		return "import a from './a.js';\n" + bracket.repeat(random.nextInt(1, 30_001));
	}

	/** Up to {@code maxLength} chars: ASCII, control chars, the BMP and beyond. */
	private static String randomText(SplittableRandom random, int maxLength) {
		int length = random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			int kind = random.nextInt(20);
			int codePoint;
			if (kind < 10) {
				codePoint = random.nextInt(0x20, 0x7F);
			}
			else if (kind < 13) {
				codePoint = random.nextInt(0x20);
			}
			else if (kind < 18) {
				do {
					codePoint = random.nextInt(0x80, 0x10000);
				}
				while (Character.isSurrogate((char) codePoint));
			}
			else {
				codePoint = random.nextInt(0x10000, Character.MAX_CODE_POINT + 1);
			}
			if (Character.charCount(codePoint) > length - text.length()) {
				codePoint = 'x';
			}
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	private static String describe(int tries, String input) {
		String shown = (input.length() > 120) ? input.substring(0, 120) + "... (" + input.length() + " chars)" : input;
		return "seed " + SEED + " (-Dhmr.adversarial.seed=" + SEED + "), case " + tries + ": " + shown;
	}

}
