package dev.hmr.transform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void importUrlPutsImportAndTimestampFirstLikeTheClient() {
		assertThat(ModuleUrls.importUrl("/a.js", false, 0)).isEqualTo("/a.js");
		assertThat(ModuleUrls.importUrl("/a.js", false, 1700000000000L)).isEqualTo("/a.js?t=1700000000000");
		assertThat(ModuleUrls.importUrl("/a.svg", true, 0)).isEqualTo("/a.svg?import");
		assertThat(ModuleUrls.importUrl("/a.svg", true, 1700000000000L)).isEqualTo("/a.svg?import&t=1700000000000");
		assertThat(ModuleUrls.importUrl("/a.js?v=2", false, 1700000000000L)).isEqualTo("/a.js?t=1700000000000&v=2");
	}

}
