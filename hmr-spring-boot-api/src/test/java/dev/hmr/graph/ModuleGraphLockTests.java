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

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests that every operation of {@link ModuleGraph} releases the lock it takes: after it
 * returns on one thread, a change from another thread (the next page request or file
 * change) goes through instead of waiting forever.
 */
class ModuleGraphLockTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final TestGraph testGraph = new TestGraph();

	@ParameterizedTest
	@MethodSource("operations")
	void changeFromAnotherThreadIsNotBlockedByAFinishedOperation(Operation operation) {
		this.testGraph.js("/main.js").imports("/self.js");
		this.testGraph.js("/self.js").imports("/dep.js").selfAccepting();
		this.testGraph.js("/dep.js");
		ModuleGraph graph = this.testGraph.graph();
		operation.run(this.testGraph);
		ModuleNode created = assertTimeoutPreemptively(TIMEOUT,
				() -> graph.ensureModule("/created.js", TestGraph.file("/created.js"), ModuleType.JS));
		assertThat(graph.getModuleByUrl("/created.js")).isSameAs(created);
	}

	static Stream<Arguments> operations() {
		return Stream.of(argumentSet("getModules", (Operation) (t) -> t.graph().getModules()),
				argumentSet("ensureModule", (Operation) (t) -> t.graph().ensureModule("/new.js", null, ModuleType.JS)),
				argumentSet("createFileOnlyEntry",
						(Operation) (t) -> t.graph().createFileOnlyEntry(TestGraph.file("/vars.css"))),
				argumentSet("updateModuleInfo",
						(Operation) (t) -> t.graph()
							.updateModuleInfo(t.node("/dep.js"), Set.of(), Set.of(), null, false)),
				argumentSet("prune", (Operation) (t) -> t.graph().prune(List.of(t.node("/dep.js")), t.nextTimestamp())),
				argumentSet("onFileChange",
						(Operation) (t) -> t.graph().onFileChange(TestGraph.file("/dep.js"), t.nextTimestamp())),
				argumentSet("onFileChangeAndUpdateModules",
						(Operation) (t) -> t.graph()
							.onFileChangeAndUpdateModules(TestGraph.file("/dep.js"), t.nextTimestamp())),
				argumentSet("onFileDeleted", (Operation) (t) -> t.graph().onFileDeleted(TestGraph.file("/self.js"))),
				argumentSet("updateModules", (Operation) (t) -> t.change("/dep.js")),
				argumentSet("invalidate", (Operation) (t) -> {
					t.change("/self.js");
					t.graph().invalidate("/self.js", "/self.js");
				}), argumentSet("snapshot of importers", (Operation) (t) -> t.node("/dep.js").getImporters()),
				argumentSet("snapshot of imports", (Operation) (t) -> t.node("/self.js").getImportedModules()),
				argumentSet("snapshot of accepted deps", (Operation) (t) -> t.node("/self.js").getAcceptedHmrDeps()));
	}

	/** An operation on a graph, run on the test's thread. */
	@FunctionalInterface
	interface Operation {

		void run(TestGraph graph);

	}

}
