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

package dev.hmr.typescript;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.hmr.transform.SourceSyntaxException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TypeScriptTranspiler} on SWC's real native library.
 */
@ExtendWith(OutputCaptureExtension.class)
class TypeScriptTranspilerTests {

	private final TypeScriptTranspiler transpiler = new TypeScriptTranspiler(JsxOptions.defaults());

	@Test
	void typesAreStrippedAndImportsAndHotCodeKeptAsWritten() {
		String code = this.transpiler.transpile("""
				import type { Shape } from './shape';
				import { area } from './area.js';
				interface Box { size: number }
				const box: Box = { size: 2 } satisfies Box;
				export const total: number = area(box.size as number);
				if (import.meta.hot) {
				  import.meta.hot.accept();
				}
				""", "/app/main.ts", null);
		assertThat(code).doesNotContain("interface").doesNotContain("./shape").doesNotContain("satisfies");
		assertThat(code).contains("import { area } from './area.js';")
			.contains("export const total = area(box.size);")
			.contains("import.meta.hot.accept();");
	}

	@Test
	void theInlineSourceMapNamesTheModulesFileWithItsSource() {
		String code = this.transpiler.transpile("const a: number = 1;\nexport { a };\n", "/app/main.ts?t=1", null);
		String prefix = "//# sourceMappingURL=data:application/json;base64,";
		assertThat(code).contains(prefix);
		String map = new String(
				Base64.getDecoder().decode(code.substring(code.indexOf(prefix) + prefix.length()).trim()),
				StandardCharsets.UTF_8);
		assertThat(map).contains("\"sources\":[\"main.ts\"]").contains("const a: number = 1;");
	}

	@Test
	void jsxUsesTheAutomaticRuntimeOfTheImportSourceUnlessAPragmaNamesAnother() {
		String element = "export function App() { return <p class=\"a\">hi</p>; }\n";
		assertThat(this.transpiler.transpile(element, "/App.tsx", null)).contains("from \"preact/jsx-dev-runtime\"")
			.contains("_jsxDEV(\"p\"");
		assertThat(this.transpiler.transpile("/** @jsxImportSource solid-js */\n" + element, "/Pragma.jsx", null))
			.contains("from \"solid-js/jsx-dev-runtime\"");
	}

	@Test
	void theClassicRuntimeCallsTheFactory() {
		TypeScriptTranspiler classic = new TypeScriptTranspiler(new JsxOptions(false, "preact", "el", "Frag", true));
		String code = classic.transpile("export const a = <><b>x</b></>;\n", "/classic.js", null);
		assertThat(code).contains("el(Frag, null, /*#__PURE__*/ el(\"b\", null, \"x\"))").doesNotContain("import");
	}

	@Test
	void whichFilesAreCompiled() {
		assertThat(this.transpiler.handles("a.ts")).isTrue();
		assertThat(this.transpiler.handles("a.mts")).isTrue();
		assertThat(this.transpiler.handles("a.TSX")).isTrue();
		assertThat(this.transpiler.handles("a.jsx")).isTrue();
		assertThat(this.transpiler.handles("a.js")).isFalse();
		assertThat(this.transpiler.handles("a.mjs")).isFalse();
		assertThat(this.transpiler.handles("a.css")).isFalse();
		assertThat(new TypeScriptTranspiler(new JsxOptions(true, "preact", "h", "Fragment", true)).handles("a.js"))
			.isTrue();
	}

	@Test
	void aSyntaxErrorIsThrownAtItsOffsetInTheSource() {
		String source = "const a: number = 1;\nconst b = (;\n";
		assertThatExceptionOfType(SourceSyntaxException.class)
			.isThrownBy(() -> this.transpiler.transpile(source, "/broken.ts", null))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).isEqualTo("Expression expected");
				assertThat(ex.getPosition()).isEqualTo(source.indexOf(';', source.indexOf('(')));
			});
	}

	@Test
	void theSameSourceIsCompiledOnceAndAChangedOneAgain() {
		long before = this.transpiler.getTranspileCount();
		String first = this.transpiler.transpile("export const a: number = 1;\n", "/cached.ts", null);
		assertThat(this.transpiler.transpile("export const a: number = 1;\n", "/cached.ts", null)).isSameAs(first);
		assertThat(this.transpiler.getTranspileCount()).isEqualTo(before + 1);
		assertThat(this.transpiler.transpile("export const a: number = 2;\n", "/cached.ts", null)).contains("= 2");
		assertThat(this.transpiler.getTranspileCount()).isEqualTo(before + 2);
	}

	@Test
	void aJsxSourceStepRunsOnJsxSourcesOnlyBeforeTheyAreCompiled() {
		this.transpiler.setJsxSourceStep((source, url) -> source + "export const from = '" + url + "';\n");
		assertThat(this.transpiler.transpile("export const a = <b/>;\n", "/step.tsx", null))
			.contains("export const from = '/step.tsx';");
		assertThat(this.transpiler.transpile("export const a: number = 1;\n", "/step.ts", null))
			.doesNotContain("from =");
	}

	@Test
	void withoutTheNativeLibraryEachUseFailsClearlyAndOneWarningIsLogged(CapturedOutput output) {
		TypeScriptTranspiler unsupported = new TypeScriptTranspiler(JsxOptions.defaults(), () -> {
			throw new UnsatisfiedLinkError("no swc4j library for this platform");
		});
		int mark = output.getOut().length();
		unsupported.warmUp();
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(TypeScriptTranspiler.UnavailableException.class)
				.isThrownBy(() -> unsupported.transpile("export const a: number = 1;\n", "/a.ts", null))
				.withMessageContaining("no swc4j library for this platform")
				.withMessageContaining("swc4j-macos-arm64")
				.withMessageContaining(".js modules keep working");
		}
		assertThat(unsupported.isLoaded()).isFalse();
		assertThat(output.getOut().substring(mark).lines().filter((line) -> line.contains("WARN"))).singleElement()
			.asString()
			.contains("TypeScript and JSX modules cannot be served");
	}

	@Test
	void offsetsOfLinesAndColumns() {
		assertThat(TypeScriptTranspiler.offset("ab\ncd\n", 2, 2)).isEqualTo(4);
		assertThat(TypeScriptTranspiler.offset("ab\ncd\n", 0, 0)).isZero();
		assertThat(TypeScriptTranspiler.offset("ab", 5, 1)).isEqualTo(2);
	}

}
