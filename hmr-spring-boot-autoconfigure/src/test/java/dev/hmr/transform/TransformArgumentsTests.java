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
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for the argument checks of the transform package's entry points: a missing or
 * empty argument is refused with its name, not with a {@link NullPointerException} from
 * deep inside a lexer.
 */
class TransformArgumentsTests {

	private static final ToLongFunction<String> NEVER_UPDATED = (url) -> 0;

	private static final SpecifierResolver RELATIVE = SpecifierResolver.relative();

	@ParameterizedTest
	@MethodSource("invalidArguments")
	void invalidArgumentIsRefusedWithItsName(Executable call, String message) {
		assertThatIllegalArgumentException().isThrownBy(call::execute).withMessage(message);
	}

	static Stream<Arguments> invalidArguments() {
		JsModuleTransformer js = new JsModuleTransformer();
		CssModuleTransformer css = new CssModuleTransformer("/");
		return Stream.of(
				invalid("JS transformer with a base that is no path", () -> new JsModuleTransformer("app"),
						"'base' must start and end with '/', not 'app'"),
				invalid("JS transform of no code", () -> js.transform(null, "/a.js", RELATIVE, NEVER_UPDATED),
						"'code' must not be null"),
				invalid("JS transform without a module URL", () -> js.transform("", "", RELATIVE, NEVER_UPDATED),
						"'moduleUrl' must not be empty"),
				invalid("JS transform without a resolver", () -> js.transform("", "/a.js", null, NEVER_UPDATED),
						"'resolver' must not be null"),
				invalid("JS transform without timestamps", () -> js.transform("", "/a.js", RELATIVE, null),
						"'timestamps' must not be null"),
				invalid("CSS transformer with a base that is no path", () -> new CssModuleTransformer("/app"),
						"'base' must start and end with '/', not '/app'"),
				invalid("CSS module without an id", () -> css.toJsModule("", "/a.css", null, RELATIVE, NEVER_UPDATED),
						"'id' must not be null"),
				invalid("CSS rewrite of no stylesheet",
						() -> css.rewriteImports(null, "/a.css", RELATIVE, NEVER_UPDATED), "'css' must not be null"),
				invalid("CSS rewrite without a stylesheet URL",
						() -> css.rewriteImports("", "", RELATIVE, NEVER_UPDATED), "'stylesheetUrl' must not be empty"),
				invalid("CSS rewrite without a resolver", () -> css.rewriteImports("", "/a.css", null, NEVER_UPDATED),
						"'resolver' must not be null"),
				invalid("CSS rewrite without timestamps", () -> css.rewriteImports("", "/a.css", RELATIVE, null),
						"'timestamps' must not be null"),
				invalid("HTML injector without a client URL", () -> new HtmlClientInjector(""),
						"'clientUrl' must not be empty"),
				invalid("HTML injection into no page", () -> new HtmlClientInjector("/@vite/client").inject(null),
						"'html' must not be null"),
				invalid("accept scan of no code", () -> HmrAcceptLexer.scan(null, List.of()),
						"'code' must not be null"),
				invalid("accept scan without imports", () -> HmrAcceptLexer.scan("", null),
						"'imports' must not be null"),
				invalid("ES lexing of no source", () -> EsModuleLexer.parse(null), "'source' must not be null"),
				invalid("CSS lexing of no stylesheet", () -> CssImportLexer.parse(null), "'css' must not be null"),
				invalid("canonical URL of nothing", () -> ModuleUrls.canonicalUrl(null),
						"'requestUriWithQuery' must not be null"),
				invalid("resolving no specifier", () -> ModuleUrls.resolve(null, "/a.js"),
						"'specifier' must not be null"),
				invalid("resolving against no importer", () -> ModuleUrls.resolve("./b.js", null),
						"'importerUrl' must not be null"),
				invalid("transformed module without code",
						() -> new TransformedModule(null, Set.of(), Set.of(), Set.of(), null, false, false),
						"'code' must not be null"));
	}

	private static Arguments invalid(String name, Executable call, String message) {
		return argumentSet(name, call, message);
	}

}
