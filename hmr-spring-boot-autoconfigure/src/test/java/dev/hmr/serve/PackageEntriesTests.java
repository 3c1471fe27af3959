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

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A package's browser entry points, read from its {@code package.json} as Vite reads
 * them.
 */
class PackageEntriesTests {

	@Test
	void subpathExportsPickTheFirstBrowserConditionInTheObjectsOrder() {
		assertThat(entries("""
				{ "exports": {
				    ".": { "types": "./index.d.ts", "browser": "./dist/p.module.js", "umd": "./dist/p.umd.js",
				           "import": "./dist/p.mjs", "require": "./dist/p.js" },
				    "./hooks": { "require": "./hooks/h.js", "import": "./hooks/h.mjs" },
				    "./node-only": { "node": "./n.js", "require": "./n.cjs" },
				    "./package.json": "./package.json" } }
				""")).containsExactly(Map.entry(".", "./dist/p.module.js"), Map.entry("./hooks", "./hooks/h.mjs"),
				Map.entry("./package.json", "./package.json"));
	}

	@Test
	void nestedConditionsAndFallbackArraysResolveToTheFirstUsableTarget() {
		assertThat(
				entries("""
						{ "exports": { ".": [ { "worker": "./w.js" }, { "import": { "types": "./x.d.ts", "default": "./x.js" } } ],
						               "./a": [ "not-relative", "./a.js" ] } }
						"""))
			.containsExactly(Map.entry(".", "./x.js"), Map.entry("./a", "./a.js"));
	}

	@Test
	void aStringOrConditionObjectAtTheTopIsThePackagesOwnEntry() {
		assertThat(entries("{ \"exports\": \"./main.js\" }")).containsExactly(Map.entry(".", "./main.js"));
		assertThat(entries("{ \"exports\": { \"module\": \"./m.js\", \"default\": \"./d.js\" } }"))
			.containsExactly(Map.entry(".", "./m.js"));
	}

	@Test
	void patternExportsBecomePrefixesWhenTheStarEndsBothSides() {
		assertThat(entries("""
				{ "exports": { "./features/*": "./src/features/*", "./x/*.js": "./lib/*.mjs" } }
				""")).containsExactly(Map.entry("./features/", "./src/features/"));
	}

	@Test
	void withoutExportsModuleThenAnEsmMainAreTheEntryAndThePackageFolderIsAPrefix() {
		assertThat(entries("{ \"module\": \"dist/m.js\", \"main\": \"index.js\" }"))
			.containsExactly(Map.entry(".", "./dist/m.js"), Map.entry("./", "./"));
		assertThat(entries("{ \"type\": \"module\", \"main\": \"./index.js\" }"))
			.containsExactly(Map.entry(".", "./index.js"), Map.entry("./", "./"));
		assertThat(entries("{ \"main\": \"lib/index.mjs\" }")).containsExactly(Map.entry(".", "./lib/index.mjs"),
				Map.entry("./", "./"));
	}

	@Test
	void aCommonJsPackageHasNoBrowserEntry() {
		assertThat(entries("{ \"main\": \"index.js\" }")).isEmpty();
		assertThat(entries("{ \"exports\": { \"require\": \"./index.js\" } }")).isEmpty();
	}

	private static Map<String, String> entries(String json) {
		return PackageEntries.entries(JsonMapper.shared().readTree(json));
	}

}
