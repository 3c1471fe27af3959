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

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the limits of {@link ModuleGraph}: past them a module is served but not
 * recorded, so that no page can grow the graph, or one file's update, without bound.
 */
class ModuleGraphLimitsTests {

	@Test
	void pastTheLimitAModuleIsMadeButNotRecorded() {
		ModuleGraph graph = new ModuleGraph(2);
		ModuleNode a = graph.ensureModule("/a.js", Path.of("/p/a.js"), ModuleType.JS);
		ModuleNode b = graph.ensureModule("/b.js", Path.of("/p/b.js"), ModuleType.JS);
		ModuleNode c = graph.ensureModule("/c.js", Path.of("/p/c.js"), ModuleType.JS);
		assertThat(c.getUrl()).isEqualTo("/c.js");
		assertThat(graph.size()).isEqualTo(2);
		assertThat(graph.getModules()).containsExactly(a, b);
		assertThat(graph.getModuleByUrl("/c.js")).isNull();
		assertThat(graph.getModulesByFile(Path.of("/p/c.js"))).isEmpty();
		assertThat(graph.createFileOnlyEntry(Path.of("/p/d.css")).getUrl()).isEqualTo("/@fs/p/d.css");
		assertThat(graph.size()).isEqualTo(2);
	}

	@Test
	void aModuleThatIsNotRecordedIsLinkedToNothing() {
		ModuleGraph graph = new ModuleGraph(1);
		ModuleNode a = graph.ensureModule("/a.js", Path.of("/p/a.js"), ModuleType.JS);
		ModuleNode extra = graph.ensureModule("/extra.js", Path.of("/p/extra.js"), ModuleType.JS);
		assertThat(graph.updateModuleInfo(extra, Set.of(a), Set.of(a), null, true)).isEmpty();
		assertThat(a.getImporters()).isEmpty();
		assertThat(graph.updateModuleInfo(a, Set.of(extra), Set.of(extra), null, false)).isEmpty();
		assertThat(a.getImportedModules()).isEmpty();
		assertThat(a.getAcceptedHmrDeps()).isEmpty();
		assertThat(a.isAnalyzed()).isTrue();
	}

	@Test
	void oneFileBacksAtMostSixteenModules() {
		ModuleGraph graph = new ModuleGraph();
		Path file = Path.of("/p/App.js");
		for (int i = 0; i < 100; i++) {
			graph.ensureModule("/app" + i + ".js", file, ModuleType.JS);
		}
		assertThat(graph.getModulesByFile(file)).hasSize(ModuleGraph.MAX_MODULES_PER_FILE);
		assertThat(graph.size()).isEqualTo(ModuleGraph.MAX_MODULES_PER_FILE);
		ModuleNode other = graph.ensureModule("/other.js", Path.of("/p/other.js"), ModuleType.JS);
		assertThat(graph.getModuleByUrl("/other.js")).isSameAs(other);
	}

	@Test
	void aSaveOfAFileWithManyUrlsUpdatesAtMostItsRecordedModules() {
		ModuleGraph graph = new ModuleGraph();
		Path file = Path.of("/p/App.js");
		for (int i = 0; i < 1_000; i++) {
			ModuleNode module = graph.ensureModule("/App.js?junk=" + i, file, ModuleType.JS);
			graph.updateModuleInfo(module, Set.of(), Set.of(), null, true);
		}
		HmrUpdateResult result = graph.updateModules(file, graph.getModulesByFile(file), 1_700_000_000_000L, null);
		assertThat(result).isInstanceOfSatisfying(HmrUpdateResult.Updates.class,
				(updates) -> assertThat(updates.boundaries()).hasSize(ModuleGraph.MAX_MODULES_PER_FILE));
	}

	@Test
	void theDefaultLimitIsAHundredThousandModules() {
		assertThat(new ModuleGraph().getMaxModules()).isEqualTo(100_000);
	}

	@Test
	void theLimitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ModuleGraph(0))
			.withMessage("'maxModules' must be at least 1");
	}

}
