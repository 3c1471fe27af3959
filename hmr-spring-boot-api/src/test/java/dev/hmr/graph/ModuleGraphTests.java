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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.hmr.graph.TestGraph.updates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ModuleGraph}: modules, analysis, timestamps, prune and deleted files.
 */
class ModuleGraphTests {

	private final ModuleGraph graph = new ModuleGraph();

	private final TestGraph testGraph = new TestGraph();

	@Test
	void ensureModuleReturnsTheModuleAlreadyCreatedForAUrl() {
		ModuleNode created = this.graph.ensureModule("/js/app.js", Path.of("/project/js/app.js"), ModuleType.JS);
		assertThat(this.graph.ensureModule("/js/app.js", null, ModuleType.CSS)).isSameAs(created);
		assertThat(this.graph.getModuleByUrl("/js/app.js")).isSameAs(created);
		assertThat(created.getFile()).isEqualTo(Path.of("/project/js/app.js"));
		assertThat(created.getType()).isEqualTo(ModuleType.JS);
		assertThat(this.graph.getModules()).containsExactly(created);
	}

	@Test
	void unknownUrlHasNoModule() {
		assertThat(this.graph.getModuleByUrl("/nope.js")).isNull();
		assertThat(this.graph.getModulesByFile(Path.of("/project/nope.js"))).isEmpty();
	}

	@Test
	void urlMustStartWithASlash() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.graph.ensureModule("js/app.js", null, ModuleType.JS))
			.withMessage("'url' must start with '/'");
	}

	@Test
	void oneFileCanBackSeveralModules() {
		Path file = Path.of("/project/css/a.css");
		ModuleNode imported = this.graph.ensureModule("/css/a.css", file, ModuleType.JS);
		ModuleNode linked = this.graph.ensureModule("/css/a.css?direct", file, ModuleType.CSS);
		assertThat(this.graph.getModulesByFile(file)).containsExactly(imported, linked);
		assertThat(this.graph.getModulesByFile(Path.of("/project/css/../css/a.css"))).containsExactly(imported, linked);
	}

	@Test
	void newModuleIsNotAnalysedUntilItsInfoIsRecorded() {
		ModuleNode module = this.graph.ensureModule("/a.js", null, ModuleType.JS);
		assertThat(module.isAnalyzed()).isFalse();
		assertThat(module.isSelfAccepting()).isFalse();
		assertThat(module.getLastHmrTimestamp()).isZero();
		this.graph.updateModuleInfo(module, Set.of(), Set.of(), null, true);
		assertThat(module.isAnalyzed()).isTrue();
		assertThat(module.isSelfAccepting()).isTrue();
	}

	@Test
	void importersMirrorImports() {
		this.testGraph.js("/main.js").imports("/a.js", "/b.js").accepts("/a.js");
		this.testGraph.js("/a.js").imports("/b.js");
		this.testGraph.js("/b.js");
		ModuleNode main = this.testGraph.node("/main.js");
		ModuleNode a = this.testGraph.node("/a.js");
		ModuleNode b = this.testGraph.node("/b.js");
		assertThat(main.getImportedModules()).containsExactly(a, b);
		assertThat(main.getAcceptedHmrDeps()).containsExactly(a);
		assertThat(a.getImporters()).containsExactly(main);
		assertThat(b.getImporters()).containsExactly(main, a);
		assertThat(main.getImporters()).isEmpty();
	}

	@Test
	void collectionsOfANodeAreUnmodifiableSnapshots() {
		this.testGraph.js("/main.js").imports("/a.js");
		this.testGraph.js("/a.js");
		ModuleNode main = this.testGraph.node("/main.js");
		Set<ModuleNode> before = main.getImportedModules();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(before::clear);
		this.testGraph.graph().updateModuleInfo(main, Set.of(), Set.of(), null, false);
		assertThat(before).extracting(ModuleNode::getUrl).containsExactly("/a.js");
		assertThat(main.getImportedModules()).isEmpty();
	}

	@Test
	void acceptedExportsAndImportedBindingsAreRecorded() {
		this.testGraph.js("/main.js").importsBindings("/target.js", "a", "default");
		this.testGraph.js("/target.js").acceptsExports("a");
		ModuleNode target = this.testGraph.node("/target.js");
		assertThat(target.getAcceptedHmrExports()).containsExactly("a");
		assertThat(this.testGraph.node("/main.js").getImportedBindings()).containsOnlyKeys(target);
		assertThat(this.testGraph.node("/main.js").getImportedBindings().get(target)).containsOnly("a", "default");
	}

	@Test
	void droppedImportWithNoOtherImporterIsReturnedForPrune() {
		// prune: dep1 stops importing dep2
		this.testGraph.js("/prune/index.js").imports("/prune/dep1.js").selfAccepting();
		this.testGraph.js("/prune/dep1.js").imports("/prune/dep2.js", "/prune/dep3.js");
		this.testGraph.js("/prune/dep2.js");
		this.testGraph.js("/prune/dep3.js");
		ModuleNode dep1 = this.testGraph.node("/prune/dep1.js");
		ModuleNode dep2 = this.testGraph.node("/prune/dep2.js");
		ModuleNode dep3 = this.testGraph.node("/prune/dep3.js");
		Set<ModuleNode> pruned = this.testGraph.graph().updateModuleInfo(dep1, Set.of(dep3), Set.of(), null, false);
		assertThat(pruned).containsExactly(dep2);
		assertThat(dep2.getImporters()).isEmpty();
		assertThat(dep2.getLastHmrTimestamp()).as("re-stamped by prune, not by the analysis").isZero();
	}

	@Test
	void droppedImportStillImportedElsewhereIsNotPruned() {
		this.testGraph.js("/main.js").imports("/a.js", "/shared.js");
		this.testGraph.js("/a.js").imports("/shared.js");
		this.testGraph.js("/shared.js");
		ModuleNode a = this.testGraph.node("/a.js");
		ModuleNode shared = this.testGraph.node("/shared.js");
		assertThat(this.testGraph.graph().updateModuleInfo(a, Set.of(), Set.of(), null, false)).isEmpty();
		assertThat(shared.getImporters()).extracting(ModuleNode::getUrl).containsExactly("/main.js");
	}

	@Test
	void pruneGivesAFreshTimestampAndReturnsTheUrls() {
		this.testGraph.js("/child.js").selfAccepting();
		ModuleGraph graph = this.testGraph.graph();
		ModuleNode child = this.testGraph.node("/child.js");
		graph.updateModules(null, List.of(child), 1_700_000_000_000L, null);
		graph.invalidate("/child.js", "/child.js");
		assertThat(child.isLastHmrInvalidationReceived()).isTrue();
		assertThat(graph.prune(List.of(child), 1_700_000_000_005L)).containsExactly("/child.js");
		assertThat(child.getLastHmrTimestamp()).isEqualTo(1_700_000_000_005L);
		assertThat(child.isLastHmrInvalidationReceived()).isFalse();
	}

	@Test
	void updateStampsTheChangedModuleAndEveryImporterUpToTheRoots() {
		// Recursion does not stop at self-accepting modules (vitejs/vite#6035)
		this.testGraph.js("/main.js").imports("/page.js");
		this.testGraph.js("/page.js").imports("/self.js");
		this.testGraph.js("/self.js").imports("/dep.js").selfAccepting();
		this.testGraph.js("/dep.js");
		this.testGraph.js("/unrelated.js");
		updates(this.testGraph.change("/dep.js"));
		long timestamp = this.testGraph.lastTimestamp();
		for (String url : List.of("/dep.js", "/self.js", "/page.js", "/main.js")) {
			assertThat(this.testGraph.node(url).getLastHmrTimestamp()).as(url).isEqualTo(timestamp);
		}
		assertThat(this.testGraph.node("/unrelated.js").getLastHmrTimestamp()).isZero();
	}

	@Test
	void updateDoesNotStampPastImportersThatAcceptTheModule() {
		this.testGraph.js("/main.js").imports("/hmr.js");
		this.testGraph.js("/hmr.js").imports("/hmrDep.js").accepts("/hmrDep.js");
		this.testGraph.js("/hmrDep.js");
		updates(this.testGraph.change("/hmrDep.js"));
		assertThat(this.testGraph.node("/hmrDep.js").getLastHmrTimestamp()).isEqualTo(this.testGraph.lastTimestamp());
		assertThat(this.testGraph.node("/hmr.js").getLastHmrTimestamp()).isZero();
		assertThat(this.testGraph.node("/main.js").getLastHmrTimestamp()).isZero();
	}

	@Test
	void updateStampsModulesEvenWhenThePageReloads() {
		this.testGraph.js("/main.js").imports("/dep.js");
		this.testGraph.js("/dep.js");
		TestGraph.fullReload(this.testGraph.change("/dep.js"));
		assertThat(this.testGraph.node("/dep.js").getLastHmrTimestamp()).isEqualTo(this.testGraph.lastTimestamp());
		assertThat(this.testGraph.node("/main.js").getLastHmrTimestamp()).isEqualTo(this.testGraph.lastTimestamp());
	}

	@Test
	void fileChangeSetsTheInvalidationTimestampOfItsModulesAndTheirImporters() {
		this.testGraph.js("/main.js").imports("/hmr.js");
		this.testGraph.js("/hmr.js").imports("/dep.js", "/other.js").accepts("/other.js");
		this.testGraph.js("/dep.js");
		this.testGraph.js("/other.js");
		ModuleGraph graph = this.testGraph.graph();
		graph.onFileChange(TestGraph.file("/dep.js"), 1_700_000_000_000L);
		assertThat(this.testGraph.node("/dep.js").getLastInvalidationTimestamp()).isEqualTo(1_700_000_000_000L);
		assertThat(this.testGraph.node("/main.js").getLastInvalidationTimestamp()).isEqualTo(1_700_000_000_000L);
		assertThat(this.testGraph.node("/dep.js").getLastHmrTimestamp()).isZero();
		graph.onFileChange(TestGraph.file("/other.js"), 1_700_000_000_001L);
		assertThat(this.testGraph.node("/hmr.js").getLastInvalidationTimestamp()).isEqualTo(1_700_000_000_000L);
	}

	@Test
	void fileChangeAndUpdateInOneCallStampAsTheTwoCallsDoAndGiveTheSameUpdates() {
		List<Object> results = new ArrayList<>();
		List<Map<String, List<Long>>> stamps = new ArrayList<>();
		for (boolean fused : List.of(false, true)) {
			TestGraph test = new TestGraph();
			test.js("/main.js").imports("/page.js", "/hmr.js");
			test.js("/page.js").imports("/self.js");
			test.js("/self.js").imports("/dep.js").selfAccepting();
			test.js("/hmr.js").imports("/dep.js").accepts("/dep.js");
			test.js("/dep.js");
			test.js("/unrelated.js");
			ModuleGraph graph = test.graph();
			Path file = TestGraph.file("/dep.js");
			long timestamp = 1_700_000_000_000L;
			HmrUpdateResult result;
			if (fused) {
				result = graph.onFileChangeAndUpdateModules(file, timestamp);
			}
			else {
				graph.onFileChange(file, timestamp);
				result = graph.updateModules(file, graph.getModulesByFile(file), timestamp, null);
			}
			results.add(updates(result));
			Map<String, List<Long>> byUrl = new LinkedHashMap<>();
			for (ModuleNode node : graph.getModules()) {
				byUrl.put(node.getUrl(), List.of(node.getLastInvalidationTimestamp(), node.getLastHmrTimestamp()));
			}
			stamps.add(byUrl);
		}
		assertThat(results.get(1)).isEqualTo(results.get(0));
		assertThat(stamps.get(1)).isEqualTo(stamps.get(0));
		assertThat(stamps.get(1).get("/main.js")).containsExactly(1_700_000_000_000L, 1_700_000_000_000L);
		assertThat(stamps.get(1).get("/hmr.js")).containsExactly(0L, 0L);
		assertThat(stamps.get(1).get("/unrelated.js")).containsExactly(0L, 0L);
		assertThat(this.graph.onFileChangeAndUpdateModules(TestGraph.file("/none.js"), 1_700_000_000_000L)).isNull();
	}

	@Test
	void deletedModuleStopsImportingItsDepsAndStaysImportedByItsImporters() {
		// file-delete-restore: parent (self-accepting) imports child, child imports leaf
		this.testGraph.js("/parent.js").imports("/child.js").selfAccepting();
		this.testGraph.js("/child.js").imports("/leaf.js");
		this.testGraph.js("/leaf.js");
		ModuleGraph graph = this.testGraph.graph();
		ModuleNode child = this.testGraph.node("/child.js");
		graph.onFileDeleted(TestGraph.file("/child.js"));
		assertThat(child.getImportedModules()).isEmpty();
		assertThat(this.testGraph.node("/leaf.js").getImporters()).isEmpty();
		assertThat(graph.getModuleByUrl("/child.js")).isSameAs(child);
		// HMR then runs for the deleted module as for an edit
		assertThat(updates(this.testGraph.change("/child.js"))).extracting(TestGraph.Boundary::path)
			.containsExactly("/parent.js");
	}

	@Test
	void moduleImportedBeforeItsFileExistedGetsTheFileOfALaterCallAndKeepsIt() {
		ModuleGraph graph = new ModuleGraph();
		ModuleNode late = graph.ensureModule("/late.js", null, ModuleType.JS);
		assertThat(late.getFile()).isNull();
		Path file = Path.of("/project/late.js");
		assertThat(graph.ensureModule("/late.js", file, ModuleType.JS)).isSameAs(late);
		assertThat(late.getFile()).isEqualTo(file);
		assertThat(graph.getModulesByFile(file)).containsExactly(late);
		assertThat(graph.ensureModule("/late.js", Path.of("/project/other.js"), ModuleType.JS).getFile())
			.isEqualTo(file);
		assertThat(graph.getModulesByFile(Path.of("/project/other.js"))).isEmpty();
		assertThat(graph.getModules()).containsExactly(late);
	}

	@Test
	void fileOnlyEntryIsFoundByFileNotByUrl() {
		Path file = Path.of("/project/css/vars.css");
		ModuleNode entry = this.graph.createFileOnlyEntry(file);
		assertThat(entry.getUrl()).isEqualTo("/@fs/project/css/vars.css");
		assertThat(entry.getType()).isEqualTo(ModuleType.ASSET);
		assertThat(this.graph.createFileOnlyEntry(file)).isSameAs(entry);
		assertThat(this.graph.getModulesByFile(file)).containsExactly(entry);
		assertThat(this.graph.getModuleByUrl(entry.getUrl())).isNull();
	}

	@Test
	void assetCannotAcceptUpdates() {
		ModuleNode entry = this.graph.createFileOnlyEntry(Path.of("/project/css/vars.css"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.graph.updateModuleInfo(entry, Set.of(), Set.of(), null, true))
			.withMessageContaining("'mod' is an asset");
	}

	@Test
	void modulesOfAnotherGraphAreRejected() {
		ModuleNode foreign = new ModuleGraph().ensureModule("/a.js", null, ModuleType.JS);
		ModuleNode own = this.graph.ensureModule("/b.js", null, ModuleType.JS);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.graph.updateModuleInfo(own, Set.of(foreign), Set.of(), null, false))
			.withMessageContaining("'importedModules' must belong to this graph");
		assertThatIllegalArgumentException().isThrownBy(() -> this.graph.updateModules(null, List.of(foreign), 1, null))
			.withMessageContaining("'modules' must belong to this graph");
	}

	@Test
	void timestampMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.graph.updateModules(null, List.of(), 0, null))
			.withMessage("'timestamp' must be positive");
	}

}
