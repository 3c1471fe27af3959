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

/*
 * Run (from the repository root):
 *
 *   mvn -B -o -q -pl hmr-benchmarks -am package dependency:build-classpath -DskipTests \
 *       -Dmdep.outputFile=target/classpath.txt \
 *     && java -cp hmr-benchmarks/target/classes:$(cat hmr-benchmarks/target/classpath.txt) \
 *       dev.hmr.benchmarks.PropagationBenchmark
 *
 * Any argument is passed to JMH as a benchmark name filter, e.g. "circularCheck".
 */

package dev.hmr.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.hmr.graph.HmrUpdateResult;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.graph.ModuleNode;
import dev.hmr.graph.ModuleType;
import dev.hmr.graph.Propagation;
import dev.hmr.graph.UpdatePropagation;

/**
 * Cost of propagating one file change through a 10,000-module graph shaped like an app
 * (entry, sections, pages, components, utilities; shared utilities make it a DAG), and of
 * Vite's quadratic circular-import check against ours on a 2,000-module chain. Target: at
 * most 100 µs per propagation.
 * <p>
 * {@code updateModules} is what the engine calls per file change: propagation plus
 * re-stamping every non-accepting importer up to the entry.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PropagationBenchmark {

	private static final int SECTIONS = 10;

	private static final int PAGES = 100;

	private static final int COMPONENTS = 1_000;

	private static final int MODULES = 10_000;

	private static final int HUBS = 10;

	private static final int CHAIN = 2_000;

	/**
	 * An app graph, with self-accepting pages (a boundary two levels above a utility) or
	 * with no accepting module at all (every change walks to the entry: full reload).
	 */
	@State(Scope.Benchmark)
	public static class AppGraph {

		final ModuleGraph withBoundaries = new ModuleGraph();

		final ModuleGraph withoutBoundaries = new ModuleGraph();

		final List<ModuleNode> leaves = new ArrayList<>();

		final List<ModuleNode> deadEndLeaves = new ArrayList<>();

		ModuleNode hub;

		int next;

		long timestamp = 1_700_000_000_000L;

		@Setup
		public void build() {
			this.hub = build(this.withBoundaries, true, this.leaves);
			build(this.withoutBoundaries, false, this.deadEndLeaves);
		}

		private static ModuleNode build(ModuleGraph graph, boolean selfAcceptingPages, List<ModuleNode> leaves) {
			Random random = new Random(2026);
			ModuleNode main = module(graph, "/main.js");
			List<ModuleNode> sections = new ArrayList<>();
			List<ModuleNode> pages = new ArrayList<>();
			List<ModuleNode> components = new ArrayList<>();
			List<ModuleNode> utilities = new ArrayList<>();
			for (int i = 0; i < SECTIONS; i++) {
				sections.add(module(graph, "/s" + i + "/index.js"));
			}
			for (int i = 0; i < PAGES; i++) {
				pages.add(module(graph, "/s" + (i % SECTIONS) + "/page" + i + ".js"));
			}
			for (int i = 0; i < COMPONENTS; i++) {
				components.add(module(graph, "/components/c" + i + ".js"));
			}
			int utilityCount = MODULES - 1 - SECTIONS - PAGES - COMPONENTS;
			for (int i = 0; i < utilityCount; i++) {
				utilities.add(module(graph, "/util/u" + i + ".js"));
			}
			analyse(graph, main, sections, false);
			for (int i = 0; i < SECTIONS; i++) {
				List<ModuleNode> sectionPages = new ArrayList<>();
				for (int j = i; j < PAGES; j += SECTIONS) {
					sectionPages.add(pages.get(j));
				}
				analyse(graph, sections.get(i), sectionPages, false);
			}
			// each page renders ten components, each component is also used by another
			// page
			for (int i = 0; i < PAGES; i++) {
				Set<ModuleNode> used = new LinkedHashSet<>(components.subList(i * 10, i * 10 + 10));
				used.add(components.get(random.nextInt(COMPONENTS)));
				analyse(graph, pages.get(i), new ArrayList<>(used), selfAcceptingPages);
			}
			// utilities: one owner component plus one or two other users; a few hubs used
			// by 200
			List<Set<ModuleNode>> componentImports = new ArrayList<>();
			for (int i = 0; i < COMPONENTS; i++) {
				componentImports.add(new LinkedHashSet<>());
			}
			for (int i = 0; i < utilityCount; i++) {
				ModuleNode utility = utilities.get(i);
				componentImports.get(i % COMPONENTS).add(utility);
				for (int j = 1 + random.nextInt(2); j > 0; j--) {
					componentImports.get(random.nextInt(COMPONENTS)).add(utility);
				}
				if (i < HUBS) {
					for (int j = 0; j < 200; j++) {
						componentImports.get(random.nextInt(COMPONENTS)).add(utility);
					}
				}
			}
			for (int i = 0; i < COMPONENTS; i++) {
				analyse(graph, components.get(i), new ArrayList<>(componentImports.get(i)), false);
			}
			for (int i = HUBS; i < utilityCount; i++) {
				analyse(graph, utilities.get(i), List.of(), false);
			}
			for (int i = 0; i < HUBS; i++) {
				analyse(graph, utilities.get(i), List.of(), false);
			}
			if (graph.getModules().size() != MODULES) {
				throw new IllegalStateException("Expected " + MODULES + " modules");
			}
			for (int i = 0; i < 1024; i++) {
				leaves.add(utilities.get(HUBS + random.nextInt(utilityCount - HUBS)));
			}
			return utilities.get(0);
		}

		ModuleNode nextLeaf(List<ModuleNode> leaves) {
			this.next = (this.next + 1) & 1023;
			return leaves.get(this.next);
		}

	}

	/**
	 * A chain of 2,000 modules, each importing the one before: {@code c0} changes, the
	 * boundary {@code c999} is self-accepting, {@code c1000..c1999} import it up to the
	 * entry; a variant closes a loop from {@code c0} back to the entry.
	 */
	@State(Scope.Benchmark)
	public static class Chain {

		final ModuleGraph open = new ModuleGraph();

		final ModuleGraph loop = new ModuleGraph();

		List<ModuleNode> openChain;

		List<ModuleNode> loopChain;

		long timestamp = 1_700_000_000_000L;

		@Setup
		public void build() {
			this.openChain = build(this.open, false);
			this.loopChain = build(this.loop, true);
		}

		private static List<ModuleNode> build(ModuleGraph graph, boolean loop) {
			List<ModuleNode> chain = new ArrayList<>();
			for (int i = 0; i < CHAIN; i++) {
				chain.add(module(graph, "/chain/c" + i + ".js"));
			}
			analyse(graph, chain.get(0), loop ? List.of(chain.get(CHAIN - 1)) : List.of(), false);
			for (int i = 1; i < CHAIN; i++) {
				analyse(graph, chain.get(i), List.of(chain.get(i - 1)), i == CHAIN / 2 - 1);
			}
			return chain;
		}

		ModuleNode boundary(List<ModuleNode> chain) {
			return chain.get(CHAIN / 2 - 1);
		}

		List<ModuleNode> pathToBoundary(List<ModuleNode> chain) {
			return chain.subList(0, CHAIN / 2);
		}

	}

	/**
	 * A chain 10,000 deep whose top module self-accepts, as compare-all.mjs's depth
	 * figure: a change at the bottom walks every module.
	 */
	@State(Scope.Benchmark)
	public static class DeepChain {

		static final int DEPTH = 10_000;

		final ModuleGraph graph = new ModuleGraph();

		ModuleNode bottom;

		long timestamp = 1_700_000_000_000L;

		@Setup
		public void build() {
			List<ModuleNode> chain = new ArrayList<>();
			for (int i = 0; i < DEPTH; i++) {
				chain.add(module(this.graph, "/deep/m" + i + ".js"));
			}
			for (int i = 0; i < DEPTH - 1; i++) {
				analyse(this.graph, chain.get(i), List.of(chain.get(i + 1)), i == 0);
			}
			analyse(this.graph, chain.get(DEPTH - 1), List.of(), false);
			this.bottom = chain.get(DEPTH - 1);
		}

	}

	@Benchmark
	public HmrUpdateResult deepChainChangeToTop(DeepChain chain) {
		return chain.graph.updateModules(chain.bottom.getFile(), List.of(chain.bottom), ++chain.timestamp, null);
	}

	@Benchmark
	public Propagation deepChainChangeToTopPropagationOnly(DeepChain chain) {
		return UpdatePropagation.propagateUpdate(chain.bottom, new HashSet<>());
	}

	@Benchmark
	public HmrUpdateResult leafChangeToSelfAcceptingBoundary(AppGraph app) {
		ModuleNode leaf = app.nextLeaf(app.leaves);
		return app.withBoundaries.updateModules(leaf.getFile(), List.of(leaf), ++app.timestamp, null);
	}

	@Benchmark
	public Propagation leafChangeToSelfAcceptingBoundaryPropagationOnly(AppGraph app) {
		return UpdatePropagation.propagateUpdate(app.nextLeaf(app.leaves), new HashSet<>());
	}

	@Benchmark
	public HmrUpdateResult leafChangeToDeadEnd(AppGraph app) {
		ModuleNode leaf = app.nextLeaf(app.deadEndLeaves);
		return app.withoutBoundaries.updateModules(leaf.getFile(), List.of(leaf), ++app.timestamp, null);
	}

	@Benchmark
	public HmrUpdateResult hubChangeToManyBoundaries(AppGraph app) {
		return app.withBoundaries.updateModules(app.hub.getFile(), List.of(app.hub), ++app.timestamp, null);
	}

	@Benchmark
	public HmrUpdateResult chainChangeToBoundaryHalfWayUp(Chain chain) {
		ModuleNode changed = chain.openChain.get(0);
		return chain.open.updateModules(changed.getFile(), List.of(changed), ++chain.timestamp, null);
	}

	@Benchmark
	public HmrUpdateResult chainChangeToBoundaryWithinALoop(Chain chain) {
		ModuleNode changed = chain.loopChain.get(0);
		return chain.loop.updateModules(changed.getFile(), List.of(changed), ++chain.timestamp, null);
	}

	@Benchmark
	public boolean circularCheckOurs(Chain chain) {
		return UpdatePropagation.isNodeWithinCircularImports(chain.boundary(chain.openChain),
				chain.pathToBoundary(chain.openChain));
	}

	@Benchmark
	public boolean circularCheckVite(Chain chain) {
		return ViteCircularImports.isNodeWithinCircularImports(chain.boundary(chain.openChain),
				chain.pathToBoundary(chain.openChain));
	}

	@Benchmark
	public boolean circularCheckOursWithinALoop(Chain chain) {
		return UpdatePropagation.isNodeWithinCircularImports(chain.boundary(chain.loopChain),
				chain.pathToBoundary(chain.loopChain));
	}

	@Benchmark
	public boolean circularCheckViteWithinALoop(Chain chain) {
		return ViteCircularImports.isNodeWithinCircularImports(chain.boundary(chain.loopChain),
				chain.pathToBoundary(chain.loopChain));
	}

	private static ModuleNode module(ModuleGraph graph, String url) {
		return graph.ensureModule(url, Path.of("/app" + url), ModuleType.JS);
	}

	private static void analyse(ModuleGraph graph, ModuleNode module, List<ModuleNode> imports, boolean selfAccepting) {
		graph.updateModuleInfo(module, new LinkedHashSet<>(imports), Set.of(), null, selfAccepting);
	}

	public static void main(String[] args) throws RunnerException {
		String include = PropagationBenchmark.class.getName() + ((args.length > 0) ? "." + args[0] : "");
		new Runner(new OptionsBuilder().include(include).build()).run();
	}

	/**
	 * Vite's {@code isNodeWithinCircularImports} as written: a fresh walk per boundary,
	 * copying the current chain at every step and scanning the node chain per importer.
	 */
	static final class ViteCircularImports {

		static boolean isNodeWithinCircularImports(ModuleNode node, List<ModuleNode> nodeChain) {
			return isNodeWithinCircularImports(node, nodeChain, List.of(node), new HashSet<>());
		}

		private static boolean isNodeWithinCircularImports(ModuleNode node, List<ModuleNode> nodeChain,
				List<ModuleNode> currentChain, Set<ModuleNode> traversedModules) {
			if (!traversedModules.add(node)) {
				return false;
			}
			for (ModuleNode importer : node.getImporters()) {
				if (importer == node) {
					continue;
				}
				if (nodeChain.indexOf(importer) > -1) {
					return true;
				}
				if (!currentChain.contains(importer)) {
					List<ModuleNode> subChain = new ArrayList<>(currentChain);
					subChain.add(importer);
					if (isNodeWithinCircularImports(importer, nodeChain, subChain, traversedModules)) {
						return true;
					}
				}
			}
			return false;
		}

	}

}
