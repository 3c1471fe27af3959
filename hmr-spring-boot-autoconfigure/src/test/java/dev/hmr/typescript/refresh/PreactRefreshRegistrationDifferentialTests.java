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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jJsxRuntimeOption;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hmr.testsupport.NodeTools;
import dev.hmr.typescript.refresh.PreactRefreshRegistration.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code @prefresh/babel-plugin} (what {@code @prefresh/vite} runs without Oxc) and
 * {@link PreactRefreshRegistration} over the same corpus of components and requires, per
 * file, the same registered names and the same hook signature keys (not the same text),
 * and that every registered module still transpiles. Needs Node and npm: the plugin and
 * Babel are installed into {@code target/prefresh-corpus} on the first run and reused
 * after.
 */
class PreactRefreshRegistrationDifferentialTests {

	private static final Path INSTALL = Paths.get("target", "prefresh-corpus");

	private static final List<String> PACKAGES = List.of("@babel/core@7.28.5", "@prefresh/babel-plugin@0.5.4");

	private static final Path RESOURCES = Paths.get("src/test/resources/dev/hmr/typescript/refresh");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyCorpusFileRegistersTheSameComponentsAndHookSignaturesAsPrefreshsBabelPlugin() throws Exception {
		NodeTools.install(INSTALL, PACKAGES, "@prefresh/babel-plugin and @babel/core");
		Path expectedFile = INSTALL.resolve("prefresh.jsonl");
		NodeTools.run(INSTALL,
				List.of("node", RESOURCES.resolve("prefresh-corpus.mjs").toAbsolutePath().toString(),
						INSTALL.toAbsolutePath().toString(), RESOURCES.resolve("corpus").toAbsolutePath().toString(),
						expectedFile.toAbsolutePath().toString()),
				"node could not run @prefresh/babel-plugin on the corpus");
		Swc4j swc4j = new Swc4j();
		PreactRefreshRegistration registration = new PreactRefreshRegistration(swc4j,
				PreactRefreshRegistration.RUNTIME_PATH);
		List<String> mismatches = new ArrayList<>();
		int files = 0;
		int components = 0;
		int signatures = 0;
		for (String line : Files.readAllLines(expectedFile, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode expected = this.json.readTree(line);
			String file = expected.get("file").asString();
			String code = Files.readString(RESOURCES.resolve("corpus").resolve(file), StandardCharsets.UTF_8);
			Result result = registration.register(code, "/corpus/" + file);
			List<String> expectedComponents = sorted(expected.get("components"));
			List<String> expectedSignatures = sorted(expected.get("hookSignatures"));
			if (!sorted(result.components()).equals(expectedComponents)) {
				mismatches
					.add(file + ": components " + sorted(result.components()) + ", Prefresh: " + expectedComponents);
			}
			if (!sorted(result.hookSignatures()).equals(expectedSignatures)) {
				mismatches.add(file + ": hook signatures " + sorted(result.hookSignatures()) + ", Prefresh: "
						+ expectedSignatures);
			}
			try {
				// the insertions leave a module that still parses and transpiles
				swc4j.transpile(result.code(),
						new Swc4jTranspileOptions()
							.setMediaType(file.endsWith(".tsx") ? Swc4jMediaType.Tsx : Swc4jMediaType.Jsx)
							.setParseMode(Swc4jParseMode.Module)
							.setJsx(Swc4jJsxRuntimeOption.Automatic(false, "preact")));
			}
			catch (Swc4jCoreException ex) {
				mismatches.add(file + ": the registered module does not transpile: " + ex.getMessage());
			}
			files++;
			components += expectedComponents.size();
			signatures += expectedSignatures.size();
		}
		System.out
			.println("PreactRefreshRegistration vs @prefresh/babel-plugin 0.5.4: " + files + " files, " + components
					+ " registrations, " + signatures + " hook signatures, " + mismatches.size() + " differences");
		assertThat(files).as("files in the corpus").isGreaterThanOrEqualTo(10);
		assertThat(components).as("registrations in the corpus").isGreaterThan(20);
		assertThat(mismatches).as("differences from @prefresh/babel-plugin").isEmpty();
	}

	private static List<String> sorted(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return sorted(values);
	}

	private static List<String> sorted(List<String> values) {
		List<String> copy = new ArrayList<>(values);
		copy.sort(null);
		return copy;
	}

}
