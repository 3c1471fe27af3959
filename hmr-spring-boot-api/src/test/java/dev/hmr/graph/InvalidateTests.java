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

import org.junit.jupiter.api.Test;

import static dev.hmr.graph.TestGraph.fullReload;
import static dev.hmr.graph.TestGraph.updates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ModuleGraph#invalidate}: {@code vite:invalidate} from the browser, as
 * in Vite's {@code playground/hmr/invalidation} cases.
 */
class InvalidateTests {

	private final TestGraph graph = new TestGraph();

	@Test
	void invalidateUpdatesTheImportersWithTheSameTimestamp() {
		// invalidation: child accepts and calls invalidate(), parent self-accepts
		this.graph.js("/invalidation/parent.js").imports("/invalidation/child.js").selfAccepting();
		this.graph.js("/invalidation/child.js").selfAccepting();
		assertThat(updates(this.graph.change("/invalidation/child.js"))).extracting(TestGraph.Boundary::path)
			.containsExactly("/invalidation/child.js");
		long timestamp = this.graph.lastTimestamp();
		HmrUpdateResult result = this.graph.graph().invalidate("/invalidation/child.js", "/invalidation/child.js");
		assertThat(updates(result))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::timestamp, TestGraph.Boundary::firstInvalidatedBy)
			.containsExactly(tuple("/invalidation/parent.js", timestamp, "/invalidation/child.js"));
	}

	@Test
	void secondInvalidateForTheSameUpdateIsIgnored() {
		// invalidate works with multiple tabs: each tab sends vite:invalidate
		this.graph.js("/parent.js").imports("/child.js").selfAccepting();
		this.graph.js("/child.js").selfAccepting();
		this.graph.change("/child.js");
		updates(this.graph.graph().invalidate("/child.js", "/child.js"));
		HmrUpdateResult second = this.graph.graph().invalidate("/child.js", "/child.js");
		assertThat(second).isInstanceOf(HmrUpdateResult.NoUpdate.class);
		assertThat(((HmrUpdateResult.NoUpdate) second).reason()).contains("already invalidated");
	}

	@Test
	void invalidateCountsAgainAfterTheNextUpdate() {
		this.graph.js("/parent.js").imports("/child.js").selfAccepting();
		this.graph.js("/child.js").selfAccepting();
		this.graph.change("/child.js");
		updates(this.graph.graph().invalidate("/child.js", "/child.js"));
		this.graph.change("/child.js");
		assertThat(updates(this.graph.graph().invalidate("/child.js", "/child.js")))
			.extracting(TestGraph.Boundary::timestamp)
			.containsExactly(this.graph.lastTimestamp());
	}

	@Test
	void invalidateOnARootReloadsThePage() {
		this.graph.js("/invalidation/root.js").selfAccepting();
		this.graph.change("/invalidation/root.js");
		HmrUpdateResult.FullReload reload = fullReload(this.graph.graph().invalidate("/invalidation/root.js", null));
		assertThat(reload.reason()).isEqualTo(
				"/invalidation/root.js called import.meta.hot.invalidate() and has no importers to pass the update to");
		assertThat(reload.triggeredBy()).isEqualTo(TestGraph.file("/invalidation/root.js"));
	}

	@Test
	void moduleImportingItselfIsNotItsOwnImporterOnInvalidate() {
		this.graph.js("/root.js").imports("/root.js").selfAccepting();
		this.graph.change("/root.js");
		fullReload(this.graph.graph().invalidate("/root.js", "/root.js"));
	}

	@Test
	void invalidateInACircularImportReloadsThePageOnceTheLoopIsClosed() {
		// circular-invalidate: child <-> parent, both accept with invalidate()
		this.graph.js("/parent.js").imports("/child.js").selfAccepting();
		this.graph.js("/child.js").imports("/parent.js").selfAccepting();
		ModuleGraph graph = this.graph.graph();
		updates(this.graph.change("/child.js"));
		assertThat(updates(graph.invalidate("/child.js", "/child.js"))).extracting(TestGraph.Boundary::path)
			.containsExactly("/parent.js");
		HmrUpdateResult.FullReload reload = fullReload(graph.invalidate("/parent.js", "/child.js"));
		assertThat(reload.reason()).startsWith("circular import invalidate: /child.js");
	}

	@Test
	void invalidateInACircularImportHotUpdatesWhenTheImporterDoesNotInvalidate() {
		// circular-invalidate: the parent accepts with an empty callback
		this.graph.js("/parent.js").imports("/child.js").selfAccepting();
		this.graph.js("/child.js").imports("/parent.js").selfAccepting();
		this.graph.change("/child.js");
		assertThat(updates(this.graph.graph().invalidate("/child.js", "/child.js")))
			.extracting(TestGraph.Boundary::path, TestGraph.Boundary::isWithinCircularImport)
			.containsExactly(tuple("/parent.js", true));
	}

	@Test
	void invalidateOfAnUnknownModuleIsIgnored() {
		assertThat(this.graph.graph().invalidate("/nope.js", null)).isInstanceOf(HmrUpdateResult.NoUpdate.class);
	}

	@Test
	void invalidateOfAModuleThatIsNotSelfAcceptingIsIgnored() {
		this.graph.js("/main.js").imports("/dep.js");
		this.graph.js("/dep.js");
		this.graph.change("/dep.js");
		assertThat(this.graph.graph().invalidate("/dep.js", "/dep.js")).isInstanceOf(HmrUpdateResult.NoUpdate.class);
	}

	@Test
	void invalidateOfAModuleNeverHotUpdatedIsIgnored() {
		this.graph.js("/main.js").imports("/child.js");
		this.graph.js("/child.js").selfAccepting();
		assertThat(this.graph.graph().invalidate("/child.js", "/child.js"))
			.isInstanceOf(HmrUpdateResult.NoUpdate.class);
		assertThat(this.graph.node("/child.js").isLastHmrInvalidationReceived()).isFalse();
	}

}
