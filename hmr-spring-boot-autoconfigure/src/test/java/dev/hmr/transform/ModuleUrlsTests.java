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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ModuleUrls}.
 */
class ModuleUrlsTests {

	@Test
	void canonicalUrlStripsTheTimestamp() {
		assertThat(ModuleUrls.canonicalUrl("/js/a.js?t=1700000000000")).isEqualTo("/js/a.js");
	}

	@Test
	void canonicalUrlStripsTheImportMarker() {
		assertThat(ModuleUrls.canonicalUrl("/logo.svg?import&t=1700000000000")).isEqualTo("/logo.svg");
		assertThat(ModuleUrls.canonicalUrl("/logo.svg?import=")).isEqualTo("/logo.svg");
	}

	@Test
	void canonicalUrlKeepsOtherParametersInOrder() {
		assertThat(ModuleUrls.canonicalUrl("/a.css?direct&t=1700000000000")).isEqualTo("/a.css?direct");
		assertThat(ModuleUrls.canonicalUrl("/x.js?import&t=1700000000000&v=2&raw")).isEqualTo("/x.js?v=2&raw");
	}

	@Test
	void canonicalUrlKeepsTimestampsThatAreNotThirteenDigits() {
		assertThat(ModuleUrls.canonicalUrl("/a.js?t=123")).isEqualTo("/a.js?t=123");
		assertThat(ModuleUrls.canonicalUrl("/a.js?imported")).isEqualTo("/a.js?imported");
	}

	@Test
	void canonicalUrlOfAPlainPathIsThePath() {
		assertThat(ModuleUrls.canonicalUrl("/js/a.js")).isEqualTo("/js/a.js");
		assertThat(ModuleUrls.canonicalUrl("/js/a.js?")).isEqualTo("/js/a.js");
	}

	@Test
	void relativeSpecifierResolvesAgainstTheImporterDirectory() {
		assertThat(ModuleUrls.resolve("./x.js", "/js/app.js")).isEqualTo("/js/x.js");
		assertThat(ModuleUrls.resolve("../lib/y.js", "/js/app/main.js")).isEqualTo("/js/lib/y.js");
		assertThat(ModuleUrls.resolve("./x.js", "/js/app.js?v=3")).isEqualTo("/js/x.js");
	}

	@Test
	void dotSegmentsAreNormalised() {
		assertThat(ModuleUrls.resolve("/js/./a/../b.js", "/app.js")).isEqualTo("/js/b.js");
		assertThat(ModuleUrls.resolve("../../../x.js", "/js/app.js")).isEqualTo("/x.js");
		assertThat(ModuleUrls.resolve("./", "/js/app.js")).isEqualTo("/js/");
		assertThat(ModuleUrls.resolve("..", "/js/app/main.js")).isEqualTo("/js/");
	}

	@Test
	void specifierQueryIsKept() {
		assertThat(ModuleUrls.resolve("./data.json?raw", "/js/app.js")).isEqualTo("/js/data.json?raw");
	}

	@Test
	void bareSpecifiersAndFullUrlsAreNotResolved() {
		assertThat(ModuleUrls.resolve("lit", "/js/app.js")).isNull();
		assertThat(ModuleUrls.resolve("@vue/runtime-dom", "/js/app.js")).isNull();
		assertThat(ModuleUrls.resolve("https://cdn.example/x.js", "/js/app.js")).isNull();
		assertThat(ModuleUrls.resolve("data:text/javascript,1", "/js/app.js")).isNull();
		assertThat(ModuleUrls.resolve("//cdn.example/x.js", "/js/app.js")).isNull();
	}

	@Test
	void aStylesheetUrlWithoutASchemeIsRelativeEvenWithoutADot() {
		assertThat(ModuleUrls.resolveStylesheetUrl("theme.css", "/css/main.css", "/")).isEqualTo("/css/theme.css");
		assertThat(ModuleUrls.resolveStylesheetUrl("deep/a.css?v=1", "/css/main.css", "/"))
			.isEqualTo("/css/deep/a.css?v=1");
		assertThat(ModuleUrls.resolveStylesheetUrl("./b.css", "/css/main.css", "/")).isEqualTo("/css/b.css");
		assertThat(ModuleUrls.resolveStylesheetUrl("../c.css", "/css/x/main.css", "/")).isEqualTo("/css/c.css");
		assertThat(ModuleUrls.resolveStylesheetUrl("/app/d.css", "/css/main.css", "/app/")).isEqualTo("/d.css");
		assertThat(ModuleUrls.resolveStylesheetUrl("e:f.css", "/css/main.css", "/")).isNull();
		assertThat(ModuleUrls.resolveStylesheetUrl("https://cdn.example/a.css", "/css/main.css", "/")).isNull();
		assertThat(ModuleUrls.resolveStylesheetUrl("data:text/css,a{}", "/css/main.css", "/")).isNull();
		assertThat(ModuleUrls.resolveStylesheetUrl("//cdn.example/a.css", "/css/main.css", "/")).isNull();
		assertThat(ModuleUrls.resolveStylesheetUrl("", "/css/main.css", "/")).isNull();
		assertThat(ModuleUrls.resolveStylesheetUrl("#x", "/css/main.css", "/")).isNull();
	}

	@Test
	void explicitImportIsRequiredForFilesThatAreNeitherJavaScriptNorCss() {
		assertThat(ModuleUrls.isExplicitImportRequired("/logo.svg")).isTrue();
		assertThat(ModuleUrls.isExplicitImportRequired("/data.json")).isTrue();
		assertThat(ModuleUrls.isExplicitImportRequired("/legacy.cjs")).isTrue();
		assertThat(ModuleUrls.isExplicitImportRequired("/app.js")).isFalse();
		assertThat(ModuleUrls.isExplicitImportRequired("/app.mjs?v=1")).isFalse();
		assertThat(ModuleUrls.isExplicitImportRequired("/App.vue")).isFalse();
		assertThat(ModuleUrls.isExplicitImportRequired("/style.CSS")).isFalse();
		assertThat(ModuleUrls.isExplicitImportRequired("/theme.scss")).isFalse();
		assertThat(ModuleUrls.isExplicitImportRequired("/no-extension")).isFalse();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "/logo.svg, true", "/data.json, true", "/app.js, false", "/app.ts?v=1, false", "/App.vue, false",
			"/lib.mjs, false", "/style.css, false", "/theme.scss?direct, false", "/@id/virtual-module, false",
			"/dir/, true", "/img.png#hash, true" })
	void explicitImportIsRequiredForUrlsThatAreNeitherJsNorCss(String url, boolean required) {
		// the cases the graph's own copy of Vite's rule was tested with
		assertThat(ModuleUrls.isExplicitImportRequired(url)).isEqualTo(required);
	}

	@Test
	void underABaseRootAbsoluteSpecifiersResolveWithoutItAndOthersAsAtTheRoot() {
		assertThat(ModuleUrls.resolve("/app/js/a.js", "/main.js", "/app/")).isEqualTo("/js/a.js");
		assertThat(ModuleUrls.resolve("/app/js/../lib/b.js?v=1", "/main.js", "/app/")).isEqualTo("/lib/b.js?v=1");
		assertThat(ModuleUrls.resolve("/other/a.js", "/main.js", "/app/")).isNull();
		assertThat(ModuleUrls.resolve("/application/a.js", "/main.js", "/app/")).isNull();
		assertThat(ModuleUrls.resolve("./a.js", "/js/main.js", "/app/")).isEqualTo("/js/a.js");
		assertThat(ModuleUrls.resolve("lit", "/js/main.js", "/app/")).isNull();
		assertThat(ModuleUrls.resolve("/js/a.js", "/main.js", "/")).isEqualTo("/js/a.js");
	}

	@Test
	void theBaseIsAddedToAndStrippedFromUrls() {
		assertThat(ModuleUrls.withBase("/", "/js/a.js?t=1700000000000")).isEqualTo("/js/a.js?t=1700000000000");
		assertThat(ModuleUrls.withBase("/app/", "/js/a.js?t=1700000000000")).isEqualTo("/app/js/a.js?t=1700000000000");
		assertThat(ModuleUrls.withBase("/app/", "/")).isEqualTo("/app/");
		assertThat(ModuleUrls.stripBase("/app/", "/app/js/a.js")).isEqualTo("/js/a.js");
		assertThat(ModuleUrls.stripBase("/app/", "/app")).isEqualTo("/");
		assertThat(ModuleUrls.stripBase("/app/", "/app?x")).isEqualTo("/?x");
		assertThat(ModuleUrls.stripBase("/app/", "/apps/a.js")).isNull();
		assertThat(ModuleUrls.stripBase("/", "/js/a.js")).isEqualTo("/js/a.js");
	}

	@Test
	void cleanUrlDropsTheQueryAndTheFragment() {
		assertThat(ModuleUrls.cleanUrl("/a.css?direct&t=1700000000000")).isEqualTo("/a.css");
		assertThat(ModuleUrls.cleanUrl("/img.png#hash?x")).isEqualTo("/img.png");
		assertThat(ModuleUrls.cleanUrl("/a.js")).isEqualTo("/a.js");
	}

	@Test
	void aBaseMustStartAndEndWithASlash() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModuleUrls.withBase("/app", "/a.js"));
		assertThatIllegalArgumentException().isThrownBy(() -> ModuleUrls.resolve("./a.js", "/a.js", "app/"));
	}

	@Test
	void importUrlPutsImportAndTimestampFirstLikeTheClient() {
		assertThat(ModuleUrls.importUrl("/a.js", false, 0)).isEqualTo("/a.js");
		assertThat(ModuleUrls.importUrl("/a.js", false, 1700000000000L)).isEqualTo("/a.js?t=1700000000000");
		assertThat(ModuleUrls.importUrl("/a.svg", true, 0)).isEqualTo("/a.svg?import");
		assertThat(ModuleUrls.importUrl("/a.svg", true, 1700000000000L)).isEqualTo("/a.svg?import&t=1700000000000");
		assertThat(ModuleUrls.importUrl("/a.js?v=2", false, 1700000000000L)).isEqualTo("/a.js?t=1700000000000&v=2");
	}

}
