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

package dev.hmr.typescript.refresh;

import java.util.List;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.enums.Swc4jSourceMapOption;
import com.caoccao.javet.swc4j.options.Swc4jJsxRuntimeOption;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;
import org.junit.jupiter.api.Test;

import dev.hmr.typescript.refresh.PreactRefreshRegistration.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PreactRefreshRegistration}: what it registers, the signatures it keys, which
 * modules are boundaries, and that its output still transpiles with no line moved.
 */
class PreactRefreshRegistrationTests {

	private static final Swc4j swc4j = new Swc4j();

	private final PreactRefreshRegistration registration = new PreactRefreshRegistration(swc4j,
			PreactRefreshRegistration.RUNTIME_PATH);

	@Test
	void aModuleOfComponentsIsABoundaryWithItsHookSignatures() throws Exception {
		Result result = register("/app/Counter.jsx", """
				import { useState } from 'preact/hooks';
				export function Counter({ start }) {
				  const [count, setCount] = useState(start);
				  return <button onClick={() => setCount(count + 1)}>count: {count}</button>;
				}
				export const Label = () => <span>label</span>;
				""");
		assertThat(result.components()).containsExactly("Counter", "Label");
		assertThat(result.hookSignatures()).containsExactly("useState{[count, setCount](start)}");
		assertThat(result.refreshBoundary()).isTrue();
		assertThat(result.code()).contains("import.meta.hot.accept(")
			.contains("$RefreshReg$(Counter, \"Counter\");")
			.contains("__hmrRefresh.register(type, \"/app/Counter.jsx \" + id)");
		assertLinesKept(result, "/app/Counter.jsx");
	}

	@Test
	void aNonComponentExportMakesNoBoundaryButTheModuleStillAcceptsForTheRuntimeToInvalidate() throws Exception {
		Result result = register("/app/Step.jsx", """
				export const STEP = 1;
				export function Stepper() { return <b>{STEP}</b>; }
				""");
		assertThat(result.components()).containsExactly("Stepper");
		assertThat(result.refreshBoundary()).isFalse();
		assertThat(result.code())
			.contains("import.meta.hot.accept((next) => __hmrRefresh.update(import.meta.hot, next))");
	}

	@Test
	void hocsAndArrowsWithHooksAreWrappedAndCustomHooksListed() throws Exception {
		Result result = register("/app/Hoc.tsx", """
				import { memo } from 'preact/compat';
				import { useTheme } from './theme';
				interface Props { label: string }
				export const Badge = memo((props: Props) => {
				  const theme = useTheme();
				  return <i class={theme}>{props.label}</i>;
				});
				export default memo(function Named() { return <p /> });
				""");
		assertThat(result.components()).containsExactlyInAnyOrder("Badge$memo", "Badge", "%default%$memo", "%default%");
		assertThat(result.hookSignatures()).containsExactly("useTheme{theme}");
		assertThat(result.code()).contains("function () { return [useTheme]; }");
		assertThat(result.refreshBoundary()).isTrue();
		assertLinesKept(result, "/app/Hoc.tsx");
	}

	@Test
	void aModuleOfCustomHooksIsSignedButDoesNotAccept() {
		Result result = this.registration.register(
				"import { useState } from 'preact/hooks';\nexport function useToggle() { return useState(false); }\n",
				"/app/hooks.jsx");
		assertThat(result.components()).isEmpty();
		assertThat(result.hookSignatures()).containsExactly("useState{(false)}");
		assertThat(result.code()).contains("_s(useToggle, \"useState{(false)}\");")
			.doesNotContain("import.meta.hot.accept(");
	}

	@Test
	void emittedJavaScriptGetsTheSameComponentsAndKeepsItsSourceMapLast() throws Exception {
		String tsx = """
				import { useState } from 'preact/hooks';
				const styled = (tag: string) => (strings: TemplateStringsArray) => tag;
				const Title = styled('h1')`color: red;`;
				export function Page({ start }: { start: number }) {
				  const [count, setCount] = useState<number>(start);
				  return <div><Title />{count}</div>;
				}
				""";
		String js = swc4j
			.transpile(tsx,
					new Swc4jTranspileOptions().setMediaType(Swc4jMediaType.Tsx)
						.setParseMode(Swc4jParseMode.Module)
						.setJsx(Swc4jJsxRuntimeOption.Automatic(true, "preact"))
						.setSourceMap(Swc4jSourceMapOption.Inline))
			.getCode();
		Result fromSource = register("/app/Page.tsx", tsx);
		Result fromEmitted = register("/app/Page.tsx", js);
		assertThat(fromEmitted.components()).containsExactlyElementsOf(fromSource.components())
			.containsExactly("Title", "Page");
		assertThat(fromEmitted.hookSignatures()).containsExactly("useState{[count, setCount](start)}");
		String code = fromEmitted.code();
		assertThat(code.substring(code.lastIndexOf('\n', code.length() - 2) + 1))
			.startsWith("//# sourceMappingURL=data:application/json;base64,");
		List<String> emittedLines = List.of(js.split("\n", -1));
		int mapLine = emittedLines.indexOf(
				emittedLines.stream().filter((line) -> line.startsWith("//# sourceMappingURL=")).findFirst().get());
		// every line of code keeps its number: the glue takes the source map comment's
		assertThat(code.split("\n", -1)[mapLine]).startsWith("import * as __hmrRefresh");
	}

	@Test
	void aModuleWithoutComponentsOrHooksIsLeftAsItIs() {
		String code = "export const x = 1;\n";
		Result result = this.registration.register(code, "/app/x.jsx");
		assertThat(result.code()).isSameAs(code);
		assertThat(result.components()).isEmpty();
	}

	@Test
	void aSourceThatDoesNotParseIsLeftForTheTranspileToReport() {
		String code = "export function Broken( { return <p>; }\n";
		assertThat(this.registration.register(code, "/app/Broken.jsx").code()).isSameAs(code);
	}

	private Result register(String url, String code) {
		return this.registration.register(code, url);
	}

	private static void assertLinesKept(Result result, String url) throws Exception {
		String[] original = result.code().split("\n", -1);
		Swc4jTranspileOptions options = new Swc4jTranspileOptions()
			.setMediaType(url.endsWith(".tsx") ? Swc4jMediaType.Tsx : Swc4jMediaType.Jsx)
			.setJsx(Swc4jJsxRuntimeOption.Automatic(false, "preact"));
		String js = swc4j.transpile(result.code(), options).getCode();
		assertThat(js).contains("$RefreshReg$");
		assertThat(original.length).isGreaterThan(1);
	}

}
