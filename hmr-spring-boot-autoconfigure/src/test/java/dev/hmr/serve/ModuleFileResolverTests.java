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

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hmr.testsupport.TestProject;
import dev.hmr.transform.SpecifierResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ModuleFileResolver} on real files: Vite's resolution of extensionless, folder
 * and {@code .js}-for-{@code .ts} imports.
 */
class ModuleFileResolverTests {

	private final TestProject project = TestProject.create("hmr-resolve")
		.with("static/plain.js", "")
		.with("static/child.ts", "")
		.with("static/both.js", "")
		.with("static/both.ts", "")
		.with("static/comp.tsx", "")
		.with("static/mod.mts", "")
		.with("static/dir/index.ts", "")
		.with("static/data.json", "{}")
		.with("static/lib/index.js", "");

	private final ModuleFileResolver resolver = new ModuleFileResolver(SpecifierResolver.relative("/"),
			new SourceFiles(List.of(this.project.resolve("static")), List.of()));

	@Test
	void anExistingFileIsItsOwnUrl() {
		assertThat(this.resolver.resolve("./plain.js", "/main.js")).isEqualTo("/plain.js");
		assertThat(this.resolver.resolve("./both.js", "/main.js")).isEqualTo("/both.js");
	}

	@Test
	void anExtensionlessImportGetsTheFirstOfVitesExtensionsThatExists() {
		assertThat(this.resolver.resolve("./child", "/main.js")).isEqualTo("/child.ts");
		assertThat(this.resolver.resolve("./both", "/main.js")).isEqualTo("/both.js");
		assertThat(this.resolver.resolve("./comp", "/main.js")).isEqualTo("/comp.tsx");
		assertThat(this.resolver.resolve("./data", "/main.js")).isEqualTo("/data.json");
		assertThat(this.resolver.resolve("/child?v=1", "/main.js")).isEqualTo("/child.ts?v=1");
	}

	@Test
	void aFolderImportGetsItsIndex() {
		assertThat(this.resolver.resolve("./dir", "/main.js")).isEqualTo("/dir/index.ts");
		assertThat(this.resolver.resolve("./lib/", "/main.js")).isEqualTo("/lib/index.js");
		assertThat(this.resolver.resolve("..", "/lib/index.js")).isEqualTo("/");
	}

	@Test
	void aJavaScriptUrlNamesTheTypeScriptFileItIsCompiledFrom() {
		assertThat(this.resolver.resolve("./child.js", "/main.ts")).isEqualTo("/child.ts");
		assertThat(this.resolver.resolve("./comp.js", "/main.ts")).isEqualTo("/comp.tsx");
		assertThat(this.resolver.resolve("./comp.jsx", "/main.ts")).isEqualTo("/comp.tsx");
		assertThat(this.resolver.resolve("./mod.mjs", "/main.ts")).isEqualTo("/mod.mts");
	}

	@Test
	void whatNoFileAnswersIsLeftAsResolvedAndBareImportsAlone() {
		assertThat(this.resolver.resolve("./nothing", "/main.js")).isEqualTo("/nothing");
		assertThat(this.resolver.resolve("./nothing.js", "/main.js")).isEqualTo("/nothing.js");
		assertThat(this.resolver.resolve("preact", "/main.js")).isNull();
		assertThat(this.resolver.fileUrl("/nothing")).isNull();
	}

}
