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

package dev.hmr.serve;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated import map, from the {@code org.webjars.npm:preact} WebJar on the test
 * class path.
 */
class WebJarImportMapTests {

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	@Test
	void aWebJarsExportsBecomeEntriesUnderTheContextPath() {
		WebJarImportMap map = WebJarImportMap.scan(this.resolver, "/app", Map.of());

		assertThat(map.getImports()).containsEntry("preact", "/app/webjars/preact/10.28.0/dist/preact.module.js")
			.containsEntry("preact/hooks", "/app/webjars/preact/10.28.0/hooks/dist/hooks.module.js")
			.containsEntry("preact/compat", "/app/webjars/preact/10.28.0/compat/dist/compat.module.js")
			.doesNotContainKey("preact/");
	}

	@Test
	void extraEntriesWinOverGeneratedOnes() {
		WebJarImportMap map = WebJarImportMap.scan(this.resolver, "", Map.of("preact", "/my/preact.js"));

		assertThat(map.getImports()).containsEntry("preact", "/my/preact.js");
		assertThat(map.forPage(null)).contains("\"preact\":\"/my/preact.js\"");
	}

	@Test
	void mappedSpecifiersAreEntriesOrUnderAPrefixEntry() {
		WebJarImportMap map = new WebJarImportMap(Map.of("a", "/a.js", "lib/", "/lib/"));

		assertThat(map.isMapped("a")).isTrue();
		assertThat(map.isMapped("lib/x/y.js")).isTrue();
		assertThat(map.isMapped("a/b")).isFalse();
		assertThat(map.isMapped("b")).isFalse();
	}

	@Test
	void aPagesOwnEntriesWinAndCountAsMapped() {
		Map<String, String> imports = new LinkedHashMap<>();
		imports.put("a", "/a.js");
		imports.put("b", "/b.js");
		WebJarImportMap map = new WebJarImportMap(imports);

		assertThat(map.forPage("{\"imports\":{\"a\":\"/mine.js\",\"c\":\"/c.js\"},\"scopes\":{}}"))
			.isEqualTo("{\"imports\":{\"a\":\"/mine.js\",\"b\":\"/b.js\",\"c\":\"/c.js\"}}");
		assertThat(map.isMapped("c")).isTrue();
	}

	@Test
	void aPageMapThatIsNotJsonLeavesTheGeneratedOne() {
		WebJarImportMap map = new WebJarImportMap(Map.of("a", "/a.js"));

		assertThat(map.forPage("{ not json")).isEqualTo("{\"imports\":{\"a\":\"/a.js\"}}");
	}

	@Test
	void bareSpecifiersAreThoseThatAreNeitherRelativeNorRootAbsoluteNorUrls() {
		assertThat(ImportResolver.isBare("preact")).isTrue();
		assertThat(ImportResolver.isBare("@scope/pkg/sub")).isTrue();
		assertThat(ImportResolver.isBare("#internal")).isTrue();
		assertThat(ImportResolver.isBare("./x.js")).isFalse();
		assertThat(ImportResolver.isBare("../x.js")).isFalse();
		assertThat(ImportResolver.isBare("/x.js")).isFalse();
		assertThat(ImportResolver.isBare("https://cdn.example/x.js")).isFalse();
		assertThat(ImportResolver.isBare("data:text/javascript,")).isFalse();
	}

	@Test
	void anEmptyMapInjectsNothingAndTheJsonCannotCloseTheScript() {
		assertThat(new WebJarImportMap(Map.of()).forPage(null)).isNull();
		assertThat(new WebJarImportMap(Map.of("x", "/</script>.js")).forPage(null)).doesNotContain("</script>");
	}

}
