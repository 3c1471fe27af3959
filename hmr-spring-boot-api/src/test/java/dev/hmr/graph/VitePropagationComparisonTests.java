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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds {@link UpdatePropagation} to a line-by-line port of Vite's recursive
 * {@code propagateUpdate} and quadratic {@code isNodeWithinCircularImports} on random
 * graphs with cycles, self-imports, accepted deps, accepted exports and modules never
 * loaded.
 */
class VitePropagationComparisonTests {

	private static final int GRAPHS = 400;

	private static final int MODULES = 24;

	@Test
	void propagationFindsTheSameBoundariesInTheSameOrderAsVite() {
		int compared = 0;
		int circular = 0;
		int deadEnds = 0;
		for (int seed = 0; seed < GRAPHS; seed++) {
			ModuleGraph graph = randomGraph(new Random(seed));
			for (ModuleNode changed : graph.getModules()) {
				List<String> expected = new ArrayList<>();
				boolean expectedDeadEnd = ViteReference.propagateUpdate(changed, new HashSet<>(), expected,
						List.of(changed));
				Propagation propagation = UpdatePropagation.propagateUpdate(changed, new HashSet<>());
				assertThat(propagation.deadEndChain() != null).as("dead end from %s (seed %d)", changed, seed)
					.isEqualTo(expectedDeadEnd);
				if (expectedDeadEnd) {
					deadEnds++;
					continue;
				}
				List<String> actual = propagation.boundaries()
					.stream()
					.map((boundary) -> describe(boundary.boundary(), boundary.acceptedVia(),
							boundary.isWithinCircularImport()))
					.toList();
				assertThat(actual).as("boundaries from %s (seed %d)", changed, seed).isEqualTo(expected);
				circular += (int) propagation.boundaries()
					.stream()
					.filter(PropagationBoundary::isWithinCircularImport)
					.count();
				compared++;
			}
		}
		// the random graphs exercise every outcome
		assertThat(compared).isGreaterThan(1000);
		assertThat(circular).isGreaterThan(100);
		assertThat(deadEnds).isGreaterThan(100);
	}

	@Test
	void circularImportCheckGivesTheSameAnswerAsViteForAnyChain() {
		int withinCircularImports = 0;
		for (int seed = 0; seed < GRAPHS; seed++) {
			Random random = new Random(seed);
			ModuleGraph graph = randomGraph(random);
			List<ModuleNode> modules = graph.getModules();
			for (ModuleNode node : modules) {
				List<ModuleNode> chain = new ArrayList<>();
				int length = random.nextInt(4);
				for (int i = 0; i < length; i++) {
					chain.add(modules.get(random.nextInt(modules.size())));
				}
				boolean expected = ViteReference.isNodeWithinCircularImports(node, chain, List.of(node),
						new HashSet<>());
				assertThat(UpdatePropagation.isNodeWithinCircularImports(node, chain)).isEqualTo(expected);
				withinCircularImports += expected ? 1 : 0;
			}
		}
		assertThat(withinCircularImports).isGreaterThan(100);
	}

	private static ModuleGraph randomGraph(Random random) {
		ModuleGraph graph = new ModuleGraph();
		List<ModuleNode> modules = new ArrayList<>();
		for (int i = 0; i < MODULES; i++) {
			modules.add(graph.ensureModule("/m" + i + ".js", null, ModuleType.JS));
		}
		for (ModuleNode module : modules) {
			if (random.nextInt(10) == 0) {
				continue; // never loaded
			}
			Set<ModuleNode> imports = new LinkedHashSet<>();
			int count = random.nextInt(4);
			for (int i = 0; i < count; i++) {
				imports.add(modules.get(random.nextInt(modules.size())));
			}
			Set<ModuleNode> accepted = new LinkedHashSet<>();
			for (ModuleNode imported : imports) {
				if (random.nextInt(6) == 0) {
					accepted.add(imported);
				}
			}
			Map<ModuleNode, Set<String>> bindings = null;
			if (random.nextBoolean()) {
				bindings = new LinkedHashMap<>();
				for (ModuleNode imported : imports) {
					bindings.put(imported, randomNames(random));
				}
			}
			Set<String> acceptedExports = (random.nextInt(8) == 0) ? randomNames(random) : null;
			graph.updateModuleInfo(module, imports, bindings, accepted, acceptedExports, random.nextInt(5) == 0);
		}
		return graph;
	}

	private static Set<String> randomNames(Random random) {
		Set<String> names = new HashSet<>();
		for (String name : List.of("a", "b", "default")) {
			if (random.nextBoolean()) {
				names.add(name);
			}
		}
		return names;
	}

	static String describe(ModuleNode boundary, ModuleNode acceptedVia, boolean circular) {
		return boundary.getUrl() + " via " + acceptedVia.getUrl() + (circular ? " (circular)" : "");
	}

	/**
	 * Vite's functions as written in {@code packages/vite/src/node/server/hmr.ts}.
	 */
	static final class ViteReference {

		static boolean propagateUpdate(ModuleNode node, Set<ModuleNode> traversedModules, List<String> boundaries,
				List<ModuleNode> currentChain) {
			if (traversedModules.contains(node)) {
				return false;
			}
			traversedModules.add(node);
			if (node.getType() != ModuleType.ASSET && !node.isAnalyzed()) {
				return false;
			}
			if (node.isSelfAccepting()) {
				boundaries.add(describe(node, node,
						isNodeWithinCircularImports(node, currentChain, List.of(node), new HashSet<>())));
				return false;
			}
			if (node.getAcceptedHmrExports() != null) {
				boundaries.add(describe(node, node,
						isNodeWithinCircularImports(node, currentChain, List.of(node), new HashSet<>())));
			}
			else if (node.getImporters().isEmpty()) {
				return true;
			}
			for (ModuleNode importer : node.getImporters()) {
				List<ModuleNode> subChain = concat(currentChain, importer);
				if (importer.getAcceptedHmrDeps().contains(node)) {
					boundaries.add(describe(importer, node,
							isNodeWithinCircularImports(importer, subChain, List.of(importer), new HashSet<>())));
					continue;
				}
				if (node.getAcceptedHmrExports() != null && importer.getImportedBindings() != null) {
					Set<String> importedBindingsFromNode = importer.getImportedBindings().get(node);
					if (importedBindingsFromNode != null
							&& node.getAcceptedHmrExports().containsAll(importedBindingsFromNode)) {
						continue;
					}
				}
				if (!currentChain.contains(importer)
						&& propagateUpdate(importer, traversedModules, boundaries, subChain)) {
					return true;
				}
			}
			return false;
		}

		static boolean isNodeWithinCircularImports(ModuleNode node, List<ModuleNode> nodeChain,
				List<ModuleNode> currentChain, Set<ModuleNode> traversedModules) {
			if (traversedModules.contains(node)) {
				return false;
			}
			traversedModules.add(node);
			for (ModuleNode importer : node.getImporters()) {
				if (importer == node) {
					continue;
				}
				if (nodeChain.indexOf(importer) > -1) {
					return true;
				}
				if (!currentChain.contains(importer)) {
					if (isNodeWithinCircularImports(importer, nodeChain, concat(currentChain, importer),
							traversedModules)) {
						return true;
					}
				}
			}
			return false;
		}

		private static List<ModuleNode> concat(List<ModuleNode> chain, ModuleNode node) {
			List<ModuleNode> result = new ArrayList<>(chain);
			result.add(node);
			return result;
		}

	}

}
