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

package dev.hmr.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the browser client's JavaScript tests ({@code src/test/js/*.test.mjs}) with
 * {@code node --test}, so that {@code mvn verify} runs them. Node.js is required: without
 * it these tests fail rather than skip (CI installs it).
 */
class ClientRuntimeNodeTests {

	private static final Path JS_TESTS = Path.of("src", "test", "js");

	private static final Duration TIME_LIMIT = Duration.ofMinutes(3);

	@Test
	void runtimeAndEntryTestsPassInNode() {
		assertThat(JS_TESTS).isDirectory();
		NodeRun run = node("--test", JS_TESTS.toString());
		System.out.println(run.output());
		assertThat(run.exitCode()).as("exit code of node --test; its output:%n%s", run.output()).isZero();
		assertThat(run.output()).contains("# fail 0").doesNotContain("# pass 0");
	}

	@Test
	void theServedModulesParseAsJavaScriptModules(@TempDir Path directory) throws IOException {
		HmrClientScript script = new HmrClientScript(new HmrClientSettings("wss", "dev.example.com", 8443, "/@hmr",
				Duration.ofSeconds(30), false, "to\"k'en\u2028", "/app/"));
		for (String path : HmrClientScript.PATHS) {
			Path file = directory.resolve(path.substring(path.lastIndexOf('/') + 1).replace(".mjs", "") + ".mjs");
			Files.writeString(file, script.module(path).source());
			NodeRun run = node("--check", file.toString());
			assertThat(run.exitCode()).as("node --check of %s:%n%s", path, run.output()).isZero();
		}
	}

	private static NodeRun node(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add("node");
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new AssertionError("Node.js ('node' on the PATH) is required to test the browser client; "
					+ "install it (Debian: apt-get install nodejs)", ex);
		}
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			try {
				process.getInputStream().transferTo(buffer);
			}
			catch (IOException ex) {
				buffer.writeBytes(("\n[could not read the output: " + ex + "]").getBytes(StandardCharsets.UTF_8));
			}
			return buffer.toString(StandardCharsets.UTF_8);
		});
		try {
			if (!process.waitFor(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("node " + String.join(" ", arguments) + " took longer than " + TIME_LIMIT
						+ "; output so far:\n" + output.getNow(""));
			}
			return new NodeRun(process.exitValue(), output.get(10, TimeUnit.SECONDS));
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw new AssertionError("node " + String.join(" ", arguments) + " failed to run", ex);
		}
	}

	private record NodeRun(int exitCode, String output) {

	}

}
