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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for the argument checks of {@link ModuleGraph}: a module of another graph, a
 * missing argument or a timestamp that is not positive is refused before the graph
 * changes, and an asset cannot accept updates in any of the three ways.
 */
class ModuleGraphArgumentsTests {

	private static final long TIMESTAMP = 1_700_000_000_000L;

	private final ModuleGraph graph = new ModuleGraph();

	private final ModuleNode own = this.graph.ensureModule("/own.js", TestGraph.file("/own.js"), ModuleType.JS);

	private final ModuleNode dep = this.graph.ensureModule("/dep.js", TestGraph.file("/dep.js"), ModuleType.JS);

	private final ModuleNode foreign = new ModuleGraph().ensureModule("/foreign.js", null, ModuleType.JS);

	private final ModuleNode asset = this.graph.createFileOnlyEntry(Path.of("/project/css/vars.css"));

	@ParameterizedTest
	@MethodSource("invalidArguments")
	void invalidArgumentIsRefusedWithItsName(Call call, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> call.on(this)).withMessageStartingWith(message);
		assertThat(this.graph.getModules()).containsExactly(this.own, this.dep, this.asset);
		assertThat(this.own.isAnalyzed()).as("analysed").isFalse();
		assertThat(this.own.getLastHmrTimestamp()).as("HMR timestamp").isZero();
		assertThat(this.own.getLastInvalidationTimestamp()).as("invalidation timestamp").isZero();
	}

	static Stream<Arguments> invalidArguments() {
		return Stream.of(invalid("no URL to look up", (t) -> t.graph.getModuleByUrl(null), "'url' must not be null"),
				invalid("no file to look up", (t) -> t.graph.getModulesByFile(null), "'file' must not be null"),
				invalid("no URL to ensure", (t) -> t.graph.ensureModule(null, null, ModuleType.JS),
						"'url' must start with '/'"),
				invalid("no type", (t) -> t.graph.ensureModule("/new.js", null, null), "'type' must not be null"),
				invalid("no file for a file-only entry", (t) -> t.graph.createFileOnlyEntry(null),
						"'file' must not be null"),
				invalid("analysis of no module", (t) -> t.graph.updateModuleInfo(null, Set.of(), Set.of(), null, true),
						"'mod' must not be null"),
				invalid("analysis of a foreign module",
						(t) -> t.graph.updateModuleInfo(t.foreign, Set.of(), Set.of(), null, true),
						"'mod' must belong to this graph: ModuleNode[/foreign.js]"),
				invalid("analysis importing a foreign module",
						(t) -> t.graph.updateModuleInfo(t.own, Set.of(t.dep, t.foreign), Set.of(), null, true),
						"'importedModules' must belong to this graph"),
				invalid("analysis accepting a foreign module",
						(t) -> t.graph.updateModuleInfo(t.own, Set.of(t.dep), Set.of(t.foreign), null, true),
						"'acceptedModules' must belong to this graph"),
				invalid("analysis with bindings of a foreign module",
						(t) -> t.graph.updateModuleInfo(t.own, Set.of(t.dep), Map.of(t.foreign, Set.of("a")), Set.of(),
								null, true),
						"'importedBindings' must belong to this graph"),
				invalid("prune of a foreign module", (t) -> t.graph.prune(List.of(t.own, t.foreign), TIMESTAMP),
						"'modules' must belong to this graph"),
				invalid("prune with a zero timestamp", (t) -> t.graph.prune(List.of(t.own), 0),
						"'timestamp' must be positive"),
				invalid("file change with a negative timestamp",
						(t) -> t.graph.onFileChange(t.own.getFile(), -TIMESTAMP), "'timestamp' must be positive"),
				invalid("update of a foreign module",
						(t) -> t.graph.updateModules(null, List.of(t.own, t.foreign), TIMESTAMP, null),
						"'modules' must belong to this graph"),
				invalid("update of no modules", (t) -> t.graph.updateModules(null, null, TIMESTAMP, null),
						"'modules' must not be null"),
				invalid("update with a zero timestamp", (t) -> t.graph.updateModules(null, List.of(t.own), 0, null),
						"'timestamp' must be positive"),
				invalid("invalidate of no URL", (t) -> t.graph.invalidate(null, null), "'url' must not be null"));
	}

	@ParameterizedTest
	@MethodSource("assetAnalyses")
	void assetCannotAcceptUpdates(Call analysis) {
		assertThatIllegalArgumentException().isThrownBy(() -> analysis.on(this))
			.withMessage("'mod' is an asset (/@fs/project/css/vars.css) and cannot accept updates");
		assertThat(this.asset.isAnalyzed()).isFalse();
		assertThat(this.dep.getImporters()).isEmpty();
	}

	static Stream<Arguments> assetAnalyses() {
		return Stream.of(
				argumentSet("self-accepting",
						(Call) (t) -> t.graph.updateModuleInfo(t.asset, Set.of(t.dep), Set.of(), null, true)),
				argumentSet("accepting a dependency",
						(Call) (t) -> t.graph.updateModuleInfo(t.asset, Set.of(t.dep), Set.of(t.dep), null, false)),
				argumentSet("accepting exports",
						(Call) (t) -> t.graph.updateModuleInfo(t.asset, Set.of(t.dep), Set.of(), Set.of(), false)));
	}

	@ParameterizedTest
	@MethodSource("assetImports")
	void assetCanImportWithoutAccepting(boolean importsDep) {
		Set<ModuleNode> imports = importsDep ? Set.of(this.dep) : Set.of();
		this.graph.updateModuleInfo(this.asset, imports, Set.of(), null, false);
		assertThat(this.asset.isAnalyzed()).isTrue();
		assertThat(this.asset.isSelfAccepting()).isFalse();
		assertThat(this.asset.getImportedModules()).isEqualTo(imports);
	}

	static Stream<Boolean> assetImports() {
		return Stream.of(false, true);
	}

	private static Arguments invalid(String name, Call call, String message) {
		return argumentSet(name, call, message);
	}

	/** A call on the graph of one test. */
	@FunctionalInterface
	interface Call {

		void on(ModuleGraphArgumentsTests test);

	}

}
