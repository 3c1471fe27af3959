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

package dev.hmr.adversarial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.CustomPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.payload.UpdatePayload;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File storms: a branch switch rewrites 1,000 modules at once, and a folder of 200 is
 * deleted and recreated; every file gets its update, none is lost or sent twice.
 */
@Tag("slow")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "server.address=127.0.0.1", "hmr.watch.roots=${test.roots}" })
class FileStormIntegrationTests {

	static final int BRANCH_FILES = 1_000;

	static final int FOLDER_FILES = 200;

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("test.roots", () -> project.roots("static"));
	}

	@BeforeEach
	void connect() {
		this.browser = TestHotClient.connectedBrowser(this.port);
	}

	@AfterEach
	void disconnect() {
		this.browser.close();
	}

	@Test
	void aBranchSwitchRewritingAThousandModulesSendsOneUpdateForEach() throws Exception {
		assertThat(JunkUrlsIntegrationTests.getAll(this.port, BRANCH_FILES, (i) -> "/branch/m" + i + ".js",
				"Sec-Fetch-Dest", "script"))
			.isZero();
		Path outside = Files.createDirectories(project.resolve("checkout"));
		long start = System.nanoTime();
		for (int i = 0; i < BRANCH_FILES; i++) {
			Path file = project.resolve("static/branch/m" + i + ".js");
			if (i % 2 == 0) {
				Files.writeString(file, module(i, "other-branch"));
			}
			else {
				// as git and many editors do: a new file renamed over the old one
				Path temporary = Files.writeString(outside.resolve("m" + i + ".js"), module(i, "other-branch"));
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		Map<String, Integer> counts = updatesUntilEveryOneArrived("/branch/m", BRANCH_FILES);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(counts).hasSize(BRANCH_FILES).allSatisfy((path, count) -> assertThat(count).as(path).isEqualTo(1));
		Figures.print("storm: a branch switch rewriting %,d modules (half in place, half renamed over) gave exactly "
				+ "one update each, the last %,d ms after the first write", BRANCH_FILES, millis);
	}

	@Test
	void aFolderDeletedAndRecreatedGetsAnUpdateForEachFileAndServesTheNewOnes() throws Exception {
		assertThat(JunkUrlsIntegrationTests.getAll(this.port, FOLDER_FILES, (i) -> "/folder/f" + i + ".js",
				"Sec-Fetch-Dest", "script"))
			.isZero();
		Path folder = project.resolve("static/folder");
		FileSystemUtils.deleteRecursively(folder);
		for (int i = 0; i < FOLDER_FILES; i++) {
			project.write("static/folder/f" + i + ".js", module(i, "recreated"));
		}
		Map<String, Integer> counts = updatesUntilEveryOneArrived("/folder/f", FOLDER_FILES);
		assertThat(counts).hasSize(FOLDER_FILES);
		for (int i = 0; i < FOLDER_FILES; i += 20) {
			assertThat(TestHttp.load(this.port, "/folder/f" + i + ".js").get(0)).contains("recreated");
		}
		Figures.print("storm: a %,d-file folder deleted and recreated: every file updated (%s updates per file), "
				+ "every new file served", FOLDER_FILES, counts.values().stream().distinct().sorted().toList());
		// at most one per event the file system reports for it: the deletion, the
		// creation, and the write that follows the creation (on a loaded machine those
		// can fall into different batches, as Vite's unlink, add and change do)
		assertThat(counts).allSatisfy((path, count) -> assertThat(count).as(path).isBetween(1, 3));
	}

	/**
	 * Read updates until each of the files has one, then up to a marker sent after it, so
	 * that a duplicate already sent is counted.
	 */
	private Map<String, Integer> updatesUntilEveryOneArrived(String prefix, int files) {
		Map<String, Integer> counts = new TreeMap<>();
		while (counts.size() < files) {
			count(this.browser.takePayload(), prefix, counts);
		}
		this.channel.send("test:storm-end", null);
		HotPayload payload;
		while (!((payload = this.browser.takePayload()) instanceof CustomPayload)) {
			count(payload, prefix, counts);
		}
		return counts;
	}

	private static void count(HotPayload payload, String prefix, Map<String, Integer> counts) {
		assertThat(payload).as("only updates").isInstanceOf(UpdatePayload.class);
		for (Update update : ((UpdatePayload) payload).updates()) {
			if (update.path().startsWith(prefix)) {
				counts.merge(update.path(), 1, Integer::sum);
			}
		}
	}

	private static String module(int i, String version) {
		return "export const m = " + i + "; // " + version + "\nimport.meta.hot.accept();\n";
	}

	private static TestProject createProject() {
		TestProject project = TestProject.create("file-storm");
		for (int i = 0; i < BRANCH_FILES; i++) {
			project.write("static/branch/m" + i + ".js", module(i, "main"));
		}
		for (int i = 0; i < FOLDER_FILES; i++) {
			project.write("static/folder/f" + i + ".js", module(i, "first"));
		}
		return project;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
