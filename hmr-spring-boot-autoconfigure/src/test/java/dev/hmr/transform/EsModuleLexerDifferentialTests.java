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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hmr.testsupport.NodeTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs npm's es-module-lexer (the lexer Vite uses) and {@link EsModuleLexer} over the
 * same corpus of real ES modules from npm and requires the same imports, at the same
 * offsets, and the same exports, for every file. Needs Node and npm: the packages are
 * installed into {@code target/lexer-corpus} on the first run and reused after.
 */
class EsModuleLexerDifferentialTests {

	private static final Path CORPUS = Paths.get("target", "lexer-corpus");

	/**
	 * The es-module-lexer Vite 8 bundles, and the corpus, pinned so totals are stable.
	 */
	private static final List<String> PACKAGES = List.of("es-module-lexer@2.3.2", "preact@11.2.0", "lit@3.3.3",
			"lit-html@3.3.3", "lit-element@4.2.2", "@lit/reactive-element@2.1.2", "lodash-es@4.18.1", "vue@3.5.45");

	/** Folders of node_modules whose .js and .mjs files are lexed. */
	private static final List<String> LEXED = List.of("es-module-lexer", "preact", "lit", "lit-html", "lit-element",
			"@lit/reactive-element", "lodash-es", "vue", "@vue");

	private static final String SCRIPT = "src/test/resources/dev/hmr/transform/lex-corpus.mjs";

	/**
	 * Snippets full of the traps a lexer falls into; the generated programs are random
	 * sequences of them.
	 */
	private static final List<String> FRAGMENTS = List.of("import a from './a.js';", "import './side.css'",
			"import * as ns from \"./ns.js\"\n", "import {x as y, z} from './xyz.js'", "import{q}from'./q.js'",
			"import json from './j.json' with { type: 'json' };", "import j2 from './j2.json' with { type: 'json', }",
			"export * from './star.js';", "export * as all from './all.js'", "export { a as b, c } from './re.js';",
			"export { d, e as f };", "export const g = 1, h = import('./h.js'), [i, {j, k: l}] = m;",
			"export let n = a\n/ 2 / 3", "export default /import('./no')/g;", "export default class {}",
			"export default function named() {}", "export async function af() {}", "export class K extends B {}",
			"export var o = function () { return import('./o.js') }, p = 5", "import('./dyn.js');",
			"import(`./tpl.js`)", "import(`./tpl/${name}.js`)", "import('./a' + b)", "import(x, { with: {} })",
			"import( /* c */ './commented.js' /* d */ )", "import.meta.url;", "import.meta.hot?.accept()",
			"import.meta.hot.accept('./dep.js', (m) => m)", "x = {...import.meta};", "obj.import('./not.js');",
			"obj?.import('./not2.js')", "a.b.import", "o = { import() { return 1 } };", "o = { import: 1 }",
			"class C { #import = 1; static s = import('./static.js'); import() {} }", "a = b / c / d;",
			"a = /re[/]x/g.test(s);", "a = b\n/re/g", "if (a) /re/.test(b);", "while (x) /y/.exec(z)",
			"for (const v of /a/g) {}", "for (i = of / 2; i < 1; i++) {}", "x = a++ / 2;", "x = 1. / 2;",
			"x = 1_000 / 2", "x = typeof /x/", "x = y in /z/", "function f() { return /import('./r')/ }",
			"label: for (;;) { break label; }", "x = `a${b}c${`d${import('./nested.js')}e`}f`;", "x = `/${a}/`",
			"x = `${ {a: '}'}.a }`", "// import('./line-comment.js')\n", "/* import('./block-comment.js') */",
			"x = 'import(\"./in-string.js\")'", "x = \"it's\" + '\\'' + \"\\\"\"", "x = a ? /x/ : c / d", "x = (a) / 2",
			"x = [a] / 2", "x = {} / 2", "{}\n/'/g", "(function () {})\n/x/g", "x = a?.b?.(c)", "x = a ?? b", "x **= 2",
			"async () => await import('./awaited.js')", "x = () => {}\n/re/", "if (a) {} else /x/",
			"try {} catch {} finally {}\n/r/", "do /x/; while (0)", "x = y\n++z", "x = void /v/", "x = new Foo / 2",
			"x = this / 2", "x = <!-- 1\n", "const \\u0061 = 1", "x = '\\u0041'", "import './\\u0061.js'",
			"import \"./esc\\\"q.js\"", "x = 0x1F / 2", "x = .5 / 2", "x = a-- / 2", "x = -- a / 2", "x = /[\\]/]/",
			"x = /\\//", "yield /y/", "x = await /a/", "switch (a) { case /c/: }", "x = y /* c */ / 2",
			"x = y // c\n/ 2 / 3", "\u00a0x = 1", "x = \"\\u2028\"", "export {}",
			"export { 'quoted name' as q2 } from './q2.js'", "export default async function () {}",
			"export default (a, b) => a / b", "export function* gen() {}", "import source wasm from './m.wasm'",
			"import defer * as deferred from './defer.js'", "import.source('./src.wasm')", "import.defer('./d2.js')",
			"import source from './source-named.js'", "import defer from './defer-named.js'", "import(a.import(b))",
			"import(foo. import(a, b), c)", "x = [...import('./spread.js')]", "x = y\n/import('./after-division.js')/",
			"import ( './spaced.js' ) . then(f)", "x = import('./chained.js').then((m) => m.default)",
			"import\n'./newline.js'", "import(\"./a\\\\b.js\")", "x = a\u2028/ 2",
			"x = `\\${import('./escaped-dollar.js')}`", "if (a) { import('./in-block.js') }",
			"x = { a: import('./in-object.js') }", "import a2, * as b2 from './default-and-ns.js'",
			"import a3, { b3 } from './default-and-named.js'", "export { default } from './default.js'",
			"export { default as def2 } from './default2.js'", "x = /=/g", "x = a /= 2", "x = a >>>= /b/",
			"x = !/re/.test(s)", "x = a < /b/", "x = +/a/", "x = a & /b/", "x = a | /b/", "x = a ^ /b/", "x = ~/a/",
			"x = a % /b/", "x = [/a/, /b/]", "x = {a: /b/}", "x = a, /b/", "f(/a/, /b/)", "x = a => /b/",
			"x = a === /b/", "x = a !== /b/", "#!/usr/bin/env node\n", "a ??= b / 2",
			"class X { static { import('./static-block.js') } }", "@dec class Y { @field x = 1 }", "x = #p in o",
			"x = await import.meta.resolve('./r.js')", "x = /[\\p{L}--\\p{N}]/v", "x = 1n / 2n", "x = a?.[b] / 2",
			"lbl: { break lbl }", "x = async function* () { yield* g() }", "x = { get import() { return 1 } }",
			"x = { async import() {} }", "x = { 'import': 1, \"export\": 2 }", "x = a\n?.5:1", "x = y?.import",
			"x = `${`${`${import('./triple.js')}`}`}`", "x = '\\\n' + \"\\\r\n\"");

	private static final List<String> SEPARATORS = List.of("\n", ";", " ", ";\n", "\r\n", "\n\n", "\t");

	private static final String MUTATIONS = "/'\"`{}()[]$\\\n.;*=";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyCorpusFileLexesToTheSameImportsAndExportsAsEsModuleLexer() throws Exception {
		NodeTools.install(CORPUS, PACKAGES, "the lexer corpus");
		Path expectedFile = CORPUS.resolve("es-module-lexer.jsonl");
		List<String> command = new ArrayList<>(List.of("node", Paths.get(SCRIPT).toAbsolutePath().toString(),
				CORPUS.toAbsolutePath().toString(), expectedFile.toAbsolutePath().toString()));
		command.addAll(LEXED);
		NodeTools.run(CORPUS, command, "node could not lex the corpus with es-module-lexer");
		Comparison comparison = new Comparison();
		for (String line : Files.readAllLines(expectedFile, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				JsonNode expected = this.json.readTree(line);
				String file = expected.get("file").asString();
				comparison.compare(file, Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8), expected);
			}
		}
		System.out.println("EsModuleLexer vs es-module-lexer 2.3.2 on npm packages: " + comparison);
		assertThat(comparison.files).as("files in the corpus").isGreaterThan(500);
		assertThat(comparison.mismatches).as("differences from es-module-lexer").isEmpty();
	}

	@Test
	void generatedProgramsLexToTheSameImportsAndExportsAsEsModuleLexer() throws Exception {
		NodeTools.install(CORPUS, PACKAGES, "the lexer corpus");
		Random random = new Random(20240611);
		List<String> sources = new ArrayList<>(FRAGMENTS);
		for (int i = 0; i < 8000; i++) {
			StringBuilder program = new StringBuilder();
			int count = 1 + random.nextInt(8);
			for (int j = 0; j < count; j++) {
				program.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
				program.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
			}
			if (i % 2 == 1) {
				// one stray character: both lexers must still agree, error or not
				program.insert(random.nextInt(program.length() + 1),
						MUTATIONS.charAt(random.nextInt(MUTATIONS.length())));
			}
			sources.add(program.toString());
		}
		Path sourcesFile = CORPUS.resolve("generated-sources.json");
		Path expectedFile = CORPUS.resolve("generated-es-module-lexer.jsonl");
		Files.writeString(sourcesFile, this.json.writeValueAsString(sources));
		NodeTools.run(CORPUS,
				List.of("node", Paths.get(SCRIPT).toAbsolutePath().toString(), CORPUS.toAbsolutePath().toString(),
						expectedFile.toAbsolutePath().toString(), "--sources", sourcesFile.toAbsolutePath().toString()),
				"node could not lex the generated programs with es-module-lexer");
		Comparison comparison = new Comparison();
		for (String line : Files.readAllLines(expectedFile, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				JsonNode expected = this.json.readTree(line);
				String index = expected.get("file").asString();
				comparison.compare("#" + index, sources.get(Integer.parseInt(index)), expected);
			}
		}
		System.out
			.println("EsModuleLexer vs es-module-lexer 2.3.2 on generated programs (half with a stray character): "
					+ comparison);
		assertThat(comparison.files).isEqualTo(sources.size());
		assertThat(comparison.mismatches).as("differences from es-module-lexer").isEmpty();
	}

	private static final class Comparison {

		private final List<String> mismatches = new ArrayList<>();

		private int files;

		private int rejected;

		private long bytes;

		private int imports;

		private int exports;

		void compare(String name, String source, JsonNode expected) {
			this.files++;
			this.bytes += source.getBytes(StandardCharsets.UTF_8).length;
			LexedModule actual;
			try {
				actual = EsModuleLexer.parse(source);
			}
			catch (SourceSyntaxException ex) {
				if (expected.has("error")) {
					this.rejected++;
				}
				else {
					mismatch(name, source, "we threw '" + ex.getMessage() + "', es-module-lexer did not");
				}
				return;
			}
			catch (RuntimeException ex) {
				mismatch(name, source, "we failed with " + ex + " at " + ex.getStackTrace()[0]);
				return;
			}
			if (expected.has("error")) {
				mismatch(name, source, "es-module-lexer threw '" + expected.get("error").asString() + "', we did not");
				return;
			}
			this.imports += compareImports(name, source, expected.get("imports"), actual.imports());
			this.exports += compareExports(name, source, expected.get("exports"), actual.exports());
		}

		private void mismatch(String name, String source, String message) {
			this.mismatches.add(name + ": " + message
					+ ((source.length() < 400) ? "\n    source: " + source.replace("\n", "\\n") : ""));
		}

		@Override
		public String toString() {
			return String.format(
					"%d files (%d rejected by both), %.1f MB, %d imports and %d exports compared," + " %d mismatches",
					this.files, this.rejected, this.bytes / 1e6, this.imports, this.exports, this.mismatches.size());
		}

		private int compareImports(String file, String source, JsonNode expected, List<ImportSpecifier> actual) {
			if (expected.size() != actual.size()) {
				mismatch(file, source, expected.size() + " imports expected, " + actual.size() + " found: expected "
						+ expected + ", found " + actual);
				return 0;
			}
			for (int i = 0; i < actual.size(); i++) {
				JsonNode e = expected.get(i);
				ImportSpecifier a = actual.get(i);
				String n = e.get("n").isNull() ? null : e.get("n").asString();
				if (!Objects.equals(n, a.specifier()) || e.get("t").asInt() != a.type().code()
						|| e.get("s").asInt() != a.start() || e.get("e").asInt() != a.end()
						|| e.get("ss").asInt() != a.statementStart() || e.get("se").asInt() != a.statementEnd()
						|| e.get("d").asInt() != a.dynamicStart() || e.get("a").asInt() != a.attributesStart()) {
					mismatch(file, source, "import " + i + " expected " + e + ", found " + a);
				}
			}
			return actual.size();
		}

		private int compareExports(String file, String source, JsonNode expected, List<ExportSpecifier> actual) {
			if (expected.size() != actual.size()) {
				mismatch(file, source, expected.size() + " exports expected, " + actual.size() + " found: expected "
						+ expected + ", found " + actual);
				return 0;
			}
			for (int i = 0; i < actual.size(); i++) {
				JsonNode e = expected.get(i);
				ExportSpecifier a = actual.get(i);
				String ln = e.get("ln").isNull() ? null : e.get("ln").asString();
				if (!e.get("n").asString().equals(a.name()) || !Objects.equals(ln, a.localName())
						|| e.get("s").asInt() != a.start() || e.get("e").asInt() != a.end()
						|| e.get("ls").asInt() != a.localStart() || e.get("le").asInt() != a.localEnd()) {
					mismatch(file, source, "export " + i + " expected " + e + ", found " + a);
				}
			}
			return actual.size();
		}

	}

}
