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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.hmr.graph.TestGraph.fullReload;
import static dev.hmr.graph.TestGraph.updates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for update propagation ({@link ModuleGraph#updateModules} and
 * {@link UpdatePropagation}), case by case as in Vite's {@code playground/hmr}.
 */
class UpdatePropagationTests {

	private final TestGraph graph = new TestGraph();

	@Test
	void selfAcceptingModuleIsItsOwnBoundary() {
		this.graph.js("/main.js").imports("/self.js");
		this.graph.js("/self.js").selfAccepting();
		List<TestGraph.Boundary> updates = updates(this.graph.change("/self.js"));
		assertThat(updates).containsExactly(
				new TestGraph.Boundary(ModuleType.JS, this.graph.lastTimestamp(), "/self.js", "/self.js", false, null));
	}

	@Test
	void importerThatAcceptsTheDepIsTheBoundary() {
		this.graph.js("/hmr.js").imports("/hmrDep.js").accepts("/hmrDep.js");
		this.graph.js("/hmrDep.js");
		assertThat(updates(this.graph.change("/hmrDep.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::acceptedPath)
			.containsExactly(tuple("/hmr.js", "/hmrDep.js"));
	}

	@Test
	void updateOfANestedDepBubblesUpToTheImporterThatAcceptsItsImporter() {
		this.graph.js("/hmr.js").imports("/hmrDep.js").accepts("/hmrDep.js");
		this.graph.js("/hmrDep.js").imports("/hmrNestedDep.js");
		this.graph.js("/hmrNestedDep.js");
		assertThat(updates(this.graph.change("/hmrNestedDep.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::acceptedPath)
			.containsExactly(tuple("/hmr.js", "/hmrDep.js"));
	}

	@Test
	void updateWalksUpSeveralImportersToASelfAcceptingModule() {
		this.graph.js("/main.js").imports("/page.js");
		this.graph.js("/page.js").imports("/widget.js").selfAccepting();
		this.graph.js("/widget.js").imports("/format.js");
		this.graph.js("/format.js").imports("/util.js");
		this.graph.js("/util.js");
		assertThat(updates(this.graph.change("/util.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::acceptedPath)
			.containsExactly(tuple("/page.js", "/page.js"));
	}

	@Test
	void diamondWithABoundaryOnEachPathGivesOneUpdatePerBoundary() {
		// main -> left (self-accepting) -> shared
		// main -> right (self-accepting) -> shared
		this.graph.js("/main.js").imports("/left.js", "/right.js");
		this.graph.js("/left.js").imports("/shared.js").selfAccepting();
		this.graph.js("/right.js").imports("/shared.js").selfAccepting();
		this.graph.js("/shared.js");
		assertThat(updates(this.graph.change("/shared.js"))).extracting(TestGraph.Boundary::path)
			.containsExactly("/left.js", "/right.js");
	}

	@Test
	void diamondWithADeadEndOnOnePathReloadsThePage() {
		this.graph.js("/main.js").imports("/left.js", "/right.js");
		this.graph.js("/left.js").imports("/shared.js").selfAccepting();
		this.graph.js("/right.js").imports("/shared.js");
		this.graph.js("/shared.js");
		HmrUpdateResult.FullReload reload = fullReload(this.graph.change("/shared.js"));
		assertThat(reload.reason()).isEqualTo("no HMR boundary: /main.js has no importers and does not accept updates"
				+ " (update path: /shared.js -> /right.js -> /main.js)");
		assertThat(reload.triggeredBy()).isEqualTo(TestGraph.file("/shared.js"));
	}

	@Test
	void changedRootModuleThatAcceptsNothingReloadsThePage() {
		this.graph.js("/main.js").imports("/dep.js");
		this.graph.js("/dep.js");
		assertThat(fullReload(this.graph.change("/main.js")).reason())
			.isEqualTo("no HMR boundary: /main.js has no importers and does not accept updates");
	}

	@Test
	void moduleNeverLoadedByABrowserGivesNoUpdate() {
		// counter/index.js has import('./dep.js') in a function never called (#7561);
		// without the stop, the update would reach index.js and reload the page
		this.graph.js("/counter/index.js").imports("/counter/dep.js");
		this.graph.js("/counter/dep.js").selfAccepting().notLoaded();
		HmrUpdateResult result = this.graph.change("/counter/dep.js");
		assertThat(result).isInstanceOf(HmrUpdateResult.NoUpdate.class);
		assertThat(((HmrUpdateResult.NoUpdate) result).reason())
			.isEqualTo("no update: /counter/dep.js has not been loaded by a browser");
	}

	@Test
	void importCycleWithoutABoundaryGivesNoUpdate() {
		// Vite: no dead end (every module has an importer) and no boundary, so no update
		this.graph.js("/cycle/a.js").imports("/cycle/b.js");
		this.graph.js("/cycle/b.js").imports("/cycle/a.js");
		HmrUpdateResult result = this.graph.change("/cycle/a.js");
		assertThat(result).isInstanceOf(HmrUpdateResult.NoUpdate.class);
		assertThat(((HmrUpdateResult.NoUpdate) result).reason())
			.isEqualTo("no update: no HMR boundary reached from /cycle/a.js");
	}

	@Test
	void selfAcceptingModuleWithinACircularImportIsFlagged() {
		// self-accept-within-circular: index -> a -> b <-> c, c self-accepts
		this.graph.js("/index.js").imports("/a.js");
		this.graph.js("/a.js").imports("/b.js");
		this.graph.js("/b.js").imports("/c.js");
		this.graph.js("/c.js").imports("/b.js").selfAccepting();
		assertThat(updates(this.graph.change("/c.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::isWithinCircularImport)
			.containsExactly(tuple("/c.js", true));
	}

	@Test
	void cycleWithNoBoundaryInsideIsFineWhenASelfAcceptingImporterIsOutside() {
		// circular: index (self-accepting) -> mod-a -> mod-b -> mod-c -> mod-a
		this.graph.js("/circular/index.js").imports("/circular/mod-a.js").selfAccepting();
		this.graph.js("/circular/mod-a.js").imports("/circular/mod-b.js");
		this.graph.js("/circular/mod-b.js").imports("/circular/mod-c.js");
		this.graph.js("/circular/mod-c.js").imports("/circular/mod-a.js");
		assertThat(updates(this.graph.change("/circular/mod-b.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::isWithinCircularImport)
			.containsExactly(tuple("/circular/index.js", false));
	}

	@Test
	void importerAcceptingADepWithinACircularImportIsFlagged() {
		this.graph.js("/main.js").imports("/parent.js");
		this.graph.js("/parent.js").imports("/child.js").accepts("/child.js");
		this.graph.js("/child.js").imports("/parent.js");
		assertThat(updates(this.graph.change("/child.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::acceptedPath,
					TestGraph.Boundary::isWithinCircularImport)
			.containsExactly(tuple("/parent.js", "/child.js", true));
	}

	@Test
	void moduleImportingItselfIsNotACircularImport() {
		this.graph.js("/main.js").imports("/self.js");
		this.graph.js("/self.js").imports("/self.js").selfAccepting();
		assertThat(updates(this.graph.change("/self.js"))).extracting(TestGraph.Boundary::isWithinCircularImport)
			.containsExactly(false);
	}

	@Test
	void linkedStylesheetGivesACssUpdate() {
		this.graph.linkedCss("/css/site.css?direct");
		assertThat(updates(this.graph.change("/css/site.css"))).containsExactly(new TestGraph.Boundary(ModuleType.CSS,
				this.graph.lastTimestamp(), "/css/site.css?direct", "/css/site.css?direct", false, null));
	}

	@Test
	void stylesheetImportedFromJsGivesAJsUpdate() {
		this.graph.js("/main.js").imports("/style.css");
		this.graph.js("/style.css").selfAccepting();
		assertThat(updates(this.graph.change("/style.css")))
			.extracting(TestGraph.Boundary::type, TestGraph.Boundary::path)
			.containsExactly(tuple(ModuleType.JS, "/style.css"));
	}

	@Test
	void fileBackingTwoModulesUpdatesBoth() {
		this.graph.js("/main.js").imports("/a.css");
		this.graph.js("/a.css").selfAccepting();
		this.graph.linkedCss("/a.css?direct");
		assertThat(updates(this.graph.change("/a.css"))).extracting(TestGraph.Boundary::type, TestGraph.Boundary::path)
			.containsExactly(tuple(ModuleType.JS, "/a.css"), tuple(ModuleType.CSS, "/a.css?direct"));
	}

	@Test
	void fileImportedByAStylesheetUpdatesTheStylesheet() {
		ModuleNode imported = this.graph.fileOnly("/css/vars.css");
		this.graph.linkedCss("/css/site.css?direct").importsFile(imported);
		assertThat(imported.getType()).isEqualTo(ModuleType.ASSET);
		assertThat(imported.isAnalyzed()).isFalse();
		assertThat(updates(this.graph.change("/css/vars.css")))
			.extracting(TestGraph.Boundary::type, TestGraph.Boundary::path, TestGraph.Boundary::acceptedPath)
			.containsExactly(tuple(ModuleType.CSS, "/css/site.css?direct", "/css/site.css?direct"));
	}

	@Test
	void acceptedAssetIsAcceptedByItsImporter() {
		// Whether its re-import needs ?import is the engine's to say:
		// ModuleUrls.isExplicitImportRequired
		this.graph.js("/hmr.js").imports("/logo.svg").accepts("/logo.svg");
		this.graph.js("/logo.svg");
		assertThat(updates(this.graph.change("/logo.svg")))
			.extracting(TestGraph.Boundary::type, TestGraph.Boundary::path, TestGraph.Boundary::acceptedPath)
			.containsExactly(tuple(ModuleType.JS, "/hmr.js", "/logo.svg"));
	}

	@Test
	void moduleAcceptingExportsIsABoundaryAndItsImportersStillNeedAnUpdate() {
		// Without imported bindings only accepting all exports (self-accepting) stops the
		// bubble
		this.graph.js("/main.js").imports("/target.js");
		this.graph.js("/target.js").acceptsExports("a", "default");
		HmrUpdateResult.FullReload reload = fullReload(this.graph.change("/target.js"));
		assertThat(reload.reason()).contains("/main.js has no importers");
	}

	@Test
	void moduleAcceptingExportsWithNoImporterIsABoundary() {
		// accept-exports/side-effects: the page entry accepts its default export
		this.graph.js("/side-effects.js").acceptsExports("default");
		assertThat(updates(this.graph.change("/side-effects.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::acceptedPath)
			.containsExactly(tuple("/side-effects.js", "/side-effects.js"));
	}

	@Test
	void moduleAcceptingExportsWithASelfAcceptingImporterGivesTwoUpdates() {
		this.graph.js("/main.js").imports("/target.js").selfAccepting();
		this.graph.js("/target.js").acceptsExports("a");
		assertThat(updates(this.graph.change("/target.js"))).extracting(TestGraph.Boundary::path)
			.containsExactly("/target.js", "/main.js");
	}

	@Test
	void importerOfOnlyAcceptedExportsNeedsNoUpdate() {
		// accept-exports/main-accepted: main imports default and a, both accepted
		this.graph.js("/main.js").importsBindings("/target.js", "default", "a");
		this.graph.js("/target.js").imports("/dep.js").acceptsExports("a", "default");
		this.graph.js("/dep.js");
		assertThat(updates(this.graph.change("/dep.js"))).extracting(TestGraph.Boundary::path)
			.containsExactly("/target.js");
	}

	@Test
	void importerOfAnExportThatIsNotAcceptedIsUpdatedInTurn() {
		// accept-exports/unused-exports: named.js accepts b, main imports a
		this.graph.js("/main.js").importsBindings("/named.js", "a");
		this.graph.js("/named.js").acceptsExports("b");
		assertThat(fullReload(this.graph.change("/named.js")).reason()).contains("/main.js has no importers");
	}

	@Test
	void importerForSideEffectsOnlyOfAModuleAcceptingNoExportsNeedsNoUpdate() {
		// accept-exports: import './unused' of a module calling acceptExports([])
		this.graph.js("/index.js").importsBindings("/unused.js");
		this.graph.js("/unused.js").acceptsExports();
		assertThat(updates(this.graph.change("/unused.js"))).extracting(TestGraph.Boundary::path)
			.containsExactly("/unused.js");
	}

	@Test
	void modulesOfOneChangeShareTheTraversedModules() {
		this.graph.js("/main.js").imports("/a.js", "/b.js").selfAccepting();
		this.graph.js("/a.js");
		this.graph.js("/b.js");
		assertThat(updates(this.graph.changeModules("/a.js", "/b.js"))).extracting(TestGraph.Boundary::path)
			.containsExactly("/main.js");
	}

	@Test
	void boundaryAcceptingTwoChangedModulesIsUpdatedForEach() {
		this.graph.js("/main.js").imports("/a.js", "/b.js").accepts("/a.js", "/b.js");
		this.graph.js("/a.js");
		this.graph.js("/b.js");
		assertThat(updates(this.graph.changeModules("/a.js", "/b.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::acceptedPath)
			.containsExactly(tuple("/main.js", "/a.js"), tuple("/main.js", "/b.js"));
	}

	@Test
	void deadEndForAnyModuleOfTheChangeReloadsThePage() {
		this.graph.js("/main.js").imports("/a.js", "/b.js").accepts("/a.js");
		this.graph.js("/a.js");
		this.graph.js("/b.js");
		assertThat(fullReload(this.graph.changeModules("/a.js", "/b.js")).reason())
			.contains("/main.js has no importers");
	}

	@Test
	void updateWithNoModulesReloadsThePage() {
		ModuleGraph graph = this.graph.graph();
		assertThat(graph.updateModules(null, List.of(), 1, null)).isInstanceOf(HmrUpdateResult.FullReload.class);
	}

	@Test
	void updatesCarryFirstInvalidatedBy() {
		this.graph.js("/parent.js").imports("/child.js").selfAccepting();
		this.graph.js("/child.js").imports("/grandchild.js");
		this.graph.js("/grandchild.js");
		ModuleGraph graph = this.graph.graph();
		HmrUpdateResult result = graph.updateModules(null, List.of(this.graph.node("/child.js")), 1_700_000_000_000L,
				"/grandchild.js");
		assertThat(updates(result))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::timestamp, TestGraph.Boundary::firstInvalidatedBy)
			.containsExactly(tuple("/parent.js", 1_700_000_000_000L, "/grandchild.js"));
	}

	@Test
	void boundaryAcceptingViaTheModuleThatFirstInvalidatedReloadsThePage() {
		this.graph.js("/parent.js").imports("/child.js").selfAccepting();
		this.graph.js("/child.js").imports("/parent.js").selfAccepting();
		ModuleGraph graph = this.graph.graph();
		HmrUpdateResult result = graph.updateModules(null, List.of(this.graph.node("/child.js")), 1_700_000_000_000L,
				"/child.js");
		assertThat(fullReload(result).reason()).startsWith("circular import invalidate: /child.js");
	}

	@Test
	void propagationReportsTheChainToADeadEnd() {
		this.graph.js("/main.js").imports("/a.js");
		this.graph.js("/a.js").imports("/b.js");
		this.graph.js("/b.js");
		Propagation propagation = UpdatePropagation.propagateUpdate(this.graph.node("/b.js"), new HashSet<>());
		assertThat(propagation.deadEndChain()).isNotNull();
		assertThat(propagation.deadEndChain()).extracting(ModuleNode::getUrl)
			.containsExactly("/b.js", "/a.js", "/main.js");
	}

	@Test
	void propagationStopsAtModulesAlreadyTraversed() {
		this.graph.js("/main.js").imports("/a.js").selfAccepting();
		this.graph.js("/a.js");
		Set<ModuleNode> traversed = new HashSet<>();
		traversed.add(this.graph.node("/main.js"));
		Propagation propagation = UpdatePropagation.propagateUpdate(this.graph.node("/a.js"), traversed);
		assertThat(propagation.boundaries()).isEmpty();
		assertThat(propagation.deadEndChain()).isNull();
	}

	@Test
	void boundaryThatReachesTheChainThroughItsImportersIsWithinCircularImports() {
		// A -> B -> C -> ACCEPTED -> D -> E -> NODE, and E imports B
		this.graph.js("/A.js").imports("/B.js");
		this.graph.js("/B.js").imports("/C.js");
		this.graph.js("/C.js").imports("/ACCEPTED.js");
		this.graph.js("/ACCEPTED.js").imports("/D.js");
		this.graph.js("/D.js").imports("/E.js");
		this.graph.js("/E.js").imports("/NODE.js", "/B.js");
		this.graph.js("/NODE.js");
		List<ModuleNode> chain = List.of(this.graph.node("/NODE.js"), this.graph.node("/E.js"),
				this.graph.node("/D.js"), this.graph.node("/ACCEPTED.js"));
		assertThat(UpdatePropagation.isNodeWithinCircularImports(this.graph.node("/ACCEPTED.js"), chain)).isTrue();
		assertThat(UpdatePropagation.isNodeWithinCircularImports(this.graph.node("/ACCEPTED.js"),
				List.of(this.graph.node("/NODE.js"))))
			.isFalse();
	}

	@Test
	void longImportChainDoesNotOverflowTheStack() {
		int length = 20_000;
		this.graph.js("/m0.js").imports("/leaf.js").selfAccepting();
		for (int i = 1; i < length; i++) {
			this.graph.js("/m" + i + ".js").imports("/m" + (i - 1) + ".js");
		}
		// m0 imports leaf: the cycle check walks the whole loop
		this.graph.js("/leaf.js").imports("/m" + (length - 1) + ".js");
		assertThat(updates(this.graph.change("/leaf.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::isWithinCircularImport)
			.containsExactly(tuple("/m0.js", true));
	}

}
