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

package dev.hmr.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * npm packages pinned by version, installed once into a folder under {@code target} and
 * reused, and Node commands run with their output kept beside them: for the tests that
 * compare our code with the JavaScript original (es-module-lexer, prefresh's Babel
 * plugin). Without Node or npm on the PATH the test fails, saying so.
 */
public final class NodeTools {

	private NodeTools() {
	}

	/**
	 * Install the packages into a folder unless it holds them at the pinned versions.
	 * @param folder the folder ({@code --prefix})
	 * @param packages the packages as {@code name@version}
	 * @param what what is installed, for the failure message
	 */
	public static void install(Path folder, List<String> packages, String what)
			throws IOException, InterruptedException {
		if (isInstalled(folder, packages)) {
			return;
		}
		Files.createDirectories(folder);
		List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", folder.toString(), "--no-save",
				"--no-audit", "--no-fund", "--no-package-lock"));
		command.addAll(packages);
		run(folder, command, "npm could not install " + what);
		assertThat(isInstalled(folder, packages)).as(what + " installed with the pinned versions").isTrue();
	}

	/**
	 * Run a command, its output in {@code <folder>/<command>.log}, failing the test if it
	 * cannot start, takes more than five minutes or exits with another status than 0.
	 * @param folder where the log goes
	 * @param command the command
	 * @param failure what the failure message says went wrong
	 */
	public static void run(Path folder, List<String> command, String failure) throws IOException, InterruptedException {
		Path log = folder.resolve(command.get(0) + ".log");
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

	private static boolean isInstalled(Path folder, List<String> packages) throws IOException {
		for (String spec : packages) {
			int at = spec.lastIndexOf('@');
			Path packageJson = folder.resolve("node_modules").resolve(spec.substring(0, at)).resolve("package.json");
			if (!Files.isRegularFile(packageJson)
					|| !Files.readString(packageJson).contains("\"version\": \"" + spec.substring(at + 1) + "\"")) {
				return false;
			}
		}
		return true;
	}

}
