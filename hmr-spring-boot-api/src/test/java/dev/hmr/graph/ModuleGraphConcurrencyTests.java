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

package dev.hmr.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of {@link ModuleGraph} under concurrent page requests (analysis), file
 * changes (propagation) and {@code vite:invalidate} messages.
 */
class ModuleGraphConcurrencyTests {

	private static final int MODULES = 200;

	private static final int ITERATIONS = 3_000;

	@Test
	void concurrentAnalysisPropagationAndInvalidationLeaveAConsistentGraph() throws Exception {
		ModuleGraph graph = new ModuleGraph();
		HmrClock clock = new HmrClock();
		List<ModuleNode> modules = new ArrayList<>();
		for (int i = 0; i < MODULES; i++) {
			modules.add(graph.ensureModule("/m" + i + ".js", TestGraph.file("/m" + i + ".js"), ModuleType.JS));
		}
		CountDownLatch start = new CountDownLatch(1);
		List<Map<ModuleNode, Set<ModuleNode>>> recorded = new ArrayList<>();
		List<Callable<Void>> tasks = new ArrayList<>();
		int servers = 2;
		for (int server = 0; server < servers; server++) {
			Map<ModuleNode, Set<ModuleNode>> imports = new HashMap<>();
			recorded.add(imports);
			int first = server;
			tasks.add(() -> {
				start.await();
				Random random = new Random(first);
				for (int i = 0; i < ITERATIONS; i++) {
					// each server analyses its own modules, as one request serves one URL
					ModuleNode module = modules.get(first + servers * random.nextInt(MODULES / servers));
					Set<ModuleNode> imported = new LinkedHashSet<>();
					for (int j = random.nextInt(4); j > 0; j--) {
						imported.add(modules.get(random.nextInt(MODULES)));
					}
					Set<ModuleNode> accepted = random.nextInt(5) == 0 ? imported : Set.of();
					Set<ModuleNode> pruned = graph.updateModuleInfo(module, imported, accepted, null,
							random.nextInt(3) == 0);
					graph.prune(pruned, clock.nextTimestamp());
					imports.put(module, imported);
					assertThat(module.getImportedModules()).isNotNull();
				}
				return null;
			});
		}
		tasks.add(() -> {
			start.await();
			Random random = new Random(42);
			for (int i = 0; i < ITERATIONS; i++) {
				ModuleNode module = modules.get(random.nextInt(MODULES));
				long timestamp = clock.nextTimestamp();
				HmrUpdateResult result = graph.updateModules(module.getFile(), graph.getModulesByFile(module.getFile()),
						timestamp, null);
				if (result instanceof HmrUpdateResult.Updates updates) {
					assertThat(updates.timestamp()).isEqualTo(timestamp);
				}
			}
			return null;
		});
		tasks.add(() -> {
			start.await();
			Random random = new Random(7);
			for (int i = 0; i < ITERATIONS; i++) {
				String url = "/m" + random.nextInt(MODULES) + ".js";
				assertThat(graph.invalidate(url, url)).isNotNull();
				ModuleNode module = graph.getModuleByUrl(url);
				for (ModuleNode importer : module.getImporters()) {
					assertThat(importer.getUrl()).startsWith("/m");
				}
			}
			return null;
		});
		ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<Void>> futures = new ArrayList<>();
			for (Callable<Void> task : tasks) {
				futures.add(executor.submit(task));
			}
			start.countDown();
			for (Future<Void> future : futures) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		for (Map<ModuleNode, Set<ModuleNode>> imports : recorded) {
			imports.forEach((module, imported) -> assertThat(module.getImportedModules()).as(module.getUrl())
				.containsExactlyElementsOf(imported));
		}
		for (ModuleNode module : modules) {
			for (ModuleNode imported : module.getImportedModules()) {
				assertThat(imported.getImporters()).as("importers of %s", imported).contains(module);
			}
			for (ModuleNode importer : module.getImporters()) {
				assertThat(importer.getImportedModules()).as("imports of %s", importer).contains(module);
			}
		}
		long last = clock.nextTimestamp();
		assertThat(modules).allSatisfy((module) -> assertThat(module.getLastHmrTimestamp()).isLessThan(last));
	}

}
