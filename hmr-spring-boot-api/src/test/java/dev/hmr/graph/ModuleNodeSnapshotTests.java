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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the collection snapshots of {@link ModuleNode}: a snapshot already handed out
 * is not changed, and the next getter call after an edge changes sees the change.
 * {@link UpdatePropagation} walks these snapshots, so a stale one would send a running
 * server's second edit to the boundaries of the first.
 */
class ModuleNodeSnapshotTests {

	private final ModuleGraph graph = new ModuleGraph();

	private final ModuleNode x = js("/x.js");

	private final ModuleNode y = js("/y.js");

	private final ModuleNode d = js("/d.js");

	@Test
	void importersSeeANewImporterAfterTheyWereRead() {
		analyse(this.x, Set.of(this.d));
		assertThat(this.d.getImporters()).containsExactly(this.x);
		analyse(this.y, Set.of(this.d));
		assertThat(this.d.getImporters()).containsExactly(this.x, this.y);
	}

	@Test
	void importersLoseAnImporterThatStoppedImportingAfterTheyWereRead() {
		analyse(this.x, Set.of(this.d));
		analyse(this.y, Set.of(this.d));
		assertThat(this.d.getImporters()).containsExactly(this.x, this.y);
		analyse(this.x, Set.of());
		assertThat(this.d.getImporters()).containsExactly(this.y);
	}

	@Test
	void importersLoseADeletedImporterAfterTheyWereRead() {
		analyse(this.x, Set.of(this.d));
		assertThat(this.d.getImporters()).containsExactly(this.x);
		this.graph.onFileDeleted(this.x.getFile());
		assertThat(this.d.getImporters()).isEmpty();
		assertThat(this.x.getImportedModules()).isEmpty();
	}

	@Test
	void importedModulesAndAcceptedDepsSeeTheNextAnalysisAfterTheyWereRead() {
		analyse(this.x, Set.of(this.d), Set.of(this.d));
		assertThat(this.x.getImportedModules()).containsExactly(this.d);
		assertThat(this.x.getAcceptedHmrDeps()).containsExactly(this.d);
		analyse(this.x, Set.of(this.y), Set.of());
		assertThat(this.x.getImportedModules()).containsExactly(this.y);
		assertThat(this.x.getAcceptedHmrDeps()).isEmpty();
	}

	@Test
	void snapshotAlreadyHandedOutKeepsWhatItHad() {
		analyse(this.x, Set.of(this.d));
		Set<ModuleNode> before = this.d.getImporters();
		analyse(this.y, Set.of(this.d));
		assertThat(before).containsExactly(this.x);
	}

	@Test
	void snapshotIsReusedUntilTheNextChange() {
		analyse(this.x, Set.of(this.d));
		Set<ModuleNode> first = this.d.getImporters();
		analyse(this.x, Set.of(this.d));
		assertThat(this.d.getImporters()).isSameAs(first);
	}

	@Test
	void secondEditIsPropagatedThroughTheImporterAddedAfterTheFirst() {
		analyse(this.x, Set.of(this.d));
		this.graph.updateModuleInfo(this.y, Set.of(), Set.of(), null, true);
		this.graph.updateModuleInfo(this.x, Set.of(this.d), Set.of(), null, true);
		this.graph.updateModuleInfo(this.d, Set.of(), Set.of(), null, false);
		HmrClock clock = new HmrClock();
		assertThat(TestGraph.updates(this.graph.updateModules(null, Set.of(this.d), clock.nextTimestamp(), null)))
			.extracting(TestGraph.Boundary::path)
			.containsExactly("/x.js");
		this.graph.updateModuleInfo(this.y, Set.of(this.d), Set.of(), null, true);
		assertThat(TestGraph.updates(this.graph.updateModules(null, Set.of(this.d), clock.nextTimestamp(), null)))
			.extracting(TestGraph.Boundary::path)
			.containsExactly("/x.js", "/y.js");
	}

	@Test
	void manyImportersKeepTheirOrderAcrossAdditionsAndRemovals() {
		List<ModuleNode> importers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ModuleNode importer = js("/importer" + i + ".js");
			analyse(importer, Set.of(this.d));
			importers.add(importer);
		}
		assertThat(this.d.getImporters()).containsExactlyElementsOf(importers);
		for (int i = 0; i < 40; i += 3) {
			analyse(importers.get(i), Set.of());
		}
		List<ModuleNode> left = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			if (i % 3 != 0) {
				left.add(importers.get(i));
			}
		}
		assertThat(this.d.getImporters()).containsExactlyElementsOf(left).doesNotContain(importers.get(0));
		assertThat(this.d.getImporters().contains(importers.get(1))).isTrue();
		assertThat(this.d.getImporters().contains(importers.get(3))).isFalse();
		analyse(importers.get(0), Set.of(this.d));
		left.add(importers.get(0));
		assertThat(this.d.getImporters()).containsExactlyElementsOf(left);
	}

	@Test
	void editOfAModuleWithManyImportersReachesEveryBoundary() {
		Set<String> boundaries = new LinkedHashSet<>();
		for (int i = 0; i < 40; i++) {
			ModuleNode importer = js("/boundary" + i + ".js");
			this.graph.updateModuleInfo(importer, Set.of(this.d), Set.of(), null, true);
			boundaries.add(importer.getUrl());
		}
		this.graph.updateModuleInfo(this.d, Set.of(), Set.of(), null, false);
		HmrClock clock = new HmrClock();
		assertThat(TestGraph.updates(this.graph.updateModules(null, Set.of(this.d), clock.nextTimestamp(), null)))
			.extracting(TestGraph.Boundary::path)
			.containsExactlyElementsOf(boundaries);
		assertThat(TestGraph.updates(this.graph.updateModules(null, Set.of(this.d), clock.nextTimestamp(), null)))
			.extracting(TestGraph.Boundary::path)
			.containsExactlyElementsOf(boundaries);
	}

	private ModuleNode js(String url) {
		return this.graph.ensureModule(url, TestGraph.file(url), ModuleType.JS);
	}

	private void analyse(ModuleNode module, Set<ModuleNode> imports) {
		analyse(module, imports, Set.of());
	}

	private void analyse(ModuleNode module, Set<ModuleNode> imports, Set<ModuleNode> accepts) {
		this.graph.updateModuleInfo(module, imports, accepts, null, false);
	}

}
