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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jJsxRuntimeOption;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hmr.typescript.refresh.PreactRefreshRegistration.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
		install();
		Path expectedFile = INSTALL.resolve("prefresh.jsonl");
		run(List.of("node", RESOURCES.resolve("prefresh-corpus.mjs").toAbsolutePath().toString(),
				INSTALL.toAbsolutePath().toString(), RESOURCES.resolve("corpus").toAbsolutePath().toString(),
				expectedFile.toAbsolutePath().toString()), "node could not run @prefresh/babel-plugin on the corpus");
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

	private static void install() throws IOException, InterruptedException {
		if (isInstalled()) {
			return;
		}
		Files.createDirectories(INSTALL);
		List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", INSTALL.toString(), "--no-save",
				"--no-audit", "--no-fund", "--no-package-lock"));
		command.addAll(PACKAGES);
		run(command, "npm could not install @prefresh/babel-plugin and @babel/core");
		assertThat(isInstalled()).as("plugin installed with the pinned versions").isTrue();
	}

	private static boolean isInstalled() throws IOException {
		for (String spec : PACKAGES) {
			int at = spec.lastIndexOf('@');
			Path packageJson = INSTALL.resolve("node_modules").resolve(spec.substring(0, at)).resolve("package.json");
			if (!Files.isRegularFile(packageJson)
					|| !Files.readString(packageJson).contains("\"version\": \"" + spec.substring(at + 1) + "\"")) {
				return false;
			}
		}
		return true;
	}

	private static void run(List<String> command, String failure) throws IOException, InterruptedException {
		Path log = INSTALL.resolve(command.get(0) + ".log");
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			fail("'" + command.get(0) + "' is needed by this test (Node 18+ and npm on the PATH) but could not be run: "
					+ ex.getMessage());
			return;
		}
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail(failure + ": timed out; see " + log);
		}
		if (process.exitValue() != 0) {
			fail(failure + " (exit " + process.exitValue() + "): " + Files.readString(log));
		}
	}

}
