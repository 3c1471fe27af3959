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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Vite's update propagation as pure functions over {@link ModuleNode nodes}: find the
 * modules that accept a change ({@code propagateUpdate}) and whether they sit in an
 * import cycle ({@code isNodeWithinCircularImports}). They only read the nodes, so they
 * are safe to call from any thread; {@link ModuleGraph#updateModules} calls them under
 * its lock, which also makes the graph they see consistent.
 * <p>
 * Both walk iteratively, so a long import chain cannot overflow the stack.
 *
 * @since 0.1.0
 */
public final class UpdatePropagation {

	private UpdatePropagation() {
	}

	/**
	 * Walk up the importers of a changed module to the modules that accept the change
	 * (Vite's {@code propagateUpdate}). In order, for each module reached:
	 * <ol>
	 * <li>already traversed (in this walk or an earlier one sharing
	 * {@code traversedModules}): nothing more to do;</li>
	 * <li>never analysed (no browser loaded it, vitejs/vite#7561): stop here, silently,
	 * unless it is an {@link ModuleType#ASSET asset} entry, which is never analysed;</li>
	 * <li>self-accepting: a boundary accepting itself; stop;</li>
	 * <li>has accepted exports: a boundary accepting itself, and carry on to the
	 * importers; otherwise, with no importers: a dead end;</li>
	 * <li>each importer that lists it in its accepted deps is a boundary accepting it; an
	 * importer that only imports accepted exports needs nothing (known only when the
	 * analysis records imported bindings); any other importer is walked in turn.</li>
	 * </ol>
	 * A dead end ends the walk at once.
	 * <p>
	 * Vite checks every boundary for an import cycle with the chain walked so far, which
	 * costs one graph walk per boundary (quadratic in the chain length). As each boundary
	 * is the last module of a chain of importers starting at the changed module, that
	 * check is true exactly when the boundary lies on an import cycle (ignoring a module
	 * importing itself); one strongly-connected-components pass over the importers above
	 * the boundaries answers it for all of them at once.
	 * @param node the changed module
	 * @param traversedModules modules already walked, shared by the modules of one file
	 * change; updated by this call
	 * @return the boundaries found, or the dead end
	 */
	public static Propagation propagateUpdate(ModuleNode node, Set<ModuleNode> traversedModules) {
		if (node == null) {
			throw new IllegalArgumentException("'node' must not be null");
		}
		if (traversedModules == null) {
			throw new IllegalArgumentException("'traversedModules' must not be null");
		}
		return propagate(node, new Walk(traversedModules, 0));
	}

	/**
	 * {@link #propagateUpdate(ModuleNode, Set)} for {@link ModuleGraph#updateModules},
	 * under its lock: the modules reached are marked with {@code walk} instead of being
	 * added to a set, and edges are read as they are instead of through snapshots, so a
	 * walk of a long chain costs a few field reads per module.
	 * @param node the changed module
	 * @param walk the mark of this update's walks, shared by all its changed modules
	 * @return the boundaries found, or the dead end
	 */
	static Propagation propagateUpdate(ModuleNode node, int walk) {
		return propagate(node, new Walk(null, walk));
	}

	private static Propagation propagate(ModuleNode node, Walk walk) {
		Step step = walk.enter(node);
		if (step == Step.DEAD_END) {
			return walk.deadEnd(List.of(node));
		}
		Deque<Frame> chain = new ArrayDeque<>();
		if (step == Step.WALK_IMPORTERS) {
			chain.addLast(walk.frame(node));
		}
		while (!chain.isEmpty()) {
			Frame frame = chain.peekLast();
			ModuleNode importer = frame.nextImporter();
			if (importer == null) {
				chain.removeLast();
				continue;
			}
			if (walk.accepts(importer, frame.node)) {
				walk.boundary(importer, frame.node);
				continue;
			}
			if (importsOnlyAcceptedExports(importer, frame.node)) {
				continue;
			}
			step = walk.enter(importer);
			if (step == Step.DEAD_END) {
				List<ModuleNode> deadEndChain = new ArrayList<>();
				chain.forEach((link) -> deadEndChain.add(link.node));
				deadEndChain.add(importer);
				return walk.deadEnd(deadEndChain);
			}
			if (step == Step.WALK_IMPORTERS) {
				chain.addLast(walk.frame(importer));
			}
		}
		return walk.result();
	}

	/**
	 * Whether a boundary can reach, through its importers, a module of the chain that led
	 * to it: it then sits in an import loop with the changed code (Vite's
	 * {@code isNodeWithinCircularImports}, same answer, linear instead of quadratic). A
	 * module importing itself does not count. <pre>
	 * A -&gt; B -&gt; C -&gt; ACCEPTED -&gt; D -&gt; E -&gt; NODE
	 *      ^--------------------------|
	 * </pre> Here {@code ACCEPTED} with the chain {@code [NODE, E, D, ACCEPTED]} is
	 * within a circular import: its importer {@code C}, imported by {@code B}, is
	 * imported by {@code E}.
	 * @param node the boundary
	 * @param nodeChain the modules walked from the changed module up to the boundary
	 * @return whether the boundary is within a circular import
	 */
	public static boolean isNodeWithinCircularImports(ModuleNode node, List<ModuleNode> nodeChain) {
		if (node == null) {
			throw new IllegalArgumentException("'node' must not be null");
		}
		if (nodeChain == null) {
			throw new IllegalArgumentException("'nodeChain' must not be null");
		}
		Set<ModuleNode> chain = new HashSet<>(nodeChain);
		Set<ModuleNode> traversed = new HashSet<>();
		Deque<ModuleNode> pending = new ArrayDeque<>();
		traversed.add(node);
		pending.push(node);
		while (!pending.isEmpty()) {
			ModuleNode current = pending.pop();
			for (ModuleNode importer : current.getImporters()) {
				if (importer == current) {
					continue;
				}
				if (chain.contains(importer)) {
					return true;
				}
				if (traversed.add(importer)) {
					pending.push(importer);
				}
			}
		}
		return false;
	}

	private static boolean importsOnlyAcceptedExports(ModuleNode importer, ModuleNode node) {
		Set<String> acceptedExports = node.getAcceptedHmrExports();
		Map<ModuleNode, Set<String>> importedBindings = importer.getImportedBindings();
		if (acceptedExports == null || importedBindings == null) {
			return false;
		}
		Set<String> bindings = importedBindings.get(node);
		return bindings != null && acceptedExports.containsAll(bindings);
	}

	/**
	 * The modules among {@code boundaries} that lie on an import cycle of two or more
	 * modules: Tarjan's strongly connected components, iteratively, over the importers
	 * reachable from them.
	 */
	static Set<ModuleNode> onImportCycles(Collection<ModuleNode> boundaries) {
		Map<ModuleNode, int[]> visited = new HashMap<>();
		Deque<ModuleNode> components = new ArrayDeque<>();
		Deque<Frame> frames = new ArrayDeque<>();
		Set<ModuleNode> cyclic = new HashSet<>();
		int[] counter = new int[1];
		for (ModuleNode start : boundaries) {
			if (visited.containsKey(start)) {
				continue;
			}
			tarjanEnter(start, visited, components, frames, counter);
			while (!frames.isEmpty()) {
				Frame frame = frames.peekLast();
				int[] state = visited.get(frame.node);
				ModuleNode importer = frame.nextImporter();
				if (importer != null) {
					if (importer == frame.node) {
						continue;
					}
					int[] importerState = visited.get(importer);
					if (importerState == null) {
						tarjanEnter(importer, visited, components, frames, counter);
					}
					else if (importerState[2] == 1) {
						state[1] = Math.min(state[1], importerState[0]);
					}
					continue;
				}
				frames.removeLast();
				if (!frames.isEmpty()) {
					int[] parent = visited.get(frames.peekLast().node);
					parent[1] = Math.min(parent[1], state[1]);
				}
				if (state[1] == state[0]) {
					ModuleNode member;
					int size = 0;
					List<ModuleNode> component = new ArrayList<>();
					do {
						member = components.pop();
						visited.get(member)[2] = 0;
						component.add(member);
						size++;
					}
					while (member != frame.node);
					if (size > 1) {
						cyclic.addAll(component);
					}
				}
			}
		}
		return cyclic;
	}

	private static void tarjanEnter(ModuleNode node, Map<ModuleNode, int[]> visited, Deque<ModuleNode> components,
			Deque<Frame> frames, int[] counter) {
		int index = counter[0]++;
		// index, lowest index reachable, still on the components stack (1) or not (0)
		visited.put(node, new int[] { index, index, 1 });
		components.push(node);
		frames.addLast(new Frame(node, null));
	}

	private enum Step {

		/** Nothing more to do for this module. */
		DONE,

		/** Walk the module's importers. */
		WALK_IMPORTERS,

		/** The module has no importers and accepts nothing. */
		DEAD_END

	}

	/**
	 * A module and how far its importers have been walked.
	 */
	private static final class Frame {

		final ModuleNode node;

		private final @Nullable Iterator<ModuleNode> importers;

		private final ModuleNode.@Nullable Edges edges;

		private int next;

		/** How many live edges there are: they do not change during a walk. */
		private final int count;

		/**
		 * A module and the importers still to walk: the live edges under the graph's
		 * lock, else a snapshot. Their number is kept here, so that unwinding a long
		 * chain reads only the frames, not every module's edges a second time.
		 */
		Frame(ModuleNode node, ModuleNode.@Nullable Edges edges) {
			this.node = node;
			this.edges = edges;
			this.count = (edges != null) ? edges.size() : 0;
			this.importers = (edges != null) ? null : node.getImporters().iterator();
		}

		@Nullable ModuleNode nextImporter() {
			if (this.edges != null) {
				return (this.next < this.count) ? this.edges.get(this.next++) : null;
			}
			return this.importers.hasNext() ? this.importers.next() : null;
		}

	}

	private static final class Walk {

		/** The modules reached, or {@code null} to mark them with {@link #mark}. */
		private final @Nullable Set<ModuleNode> traversed;

		private final int mark;

		private final List<ModuleNode[]> boundaries = new ArrayList<>();

		private final List<ModuleNode> notAnalyzed = new ArrayList<>();

		Walk(@Nullable Set<ModuleNode> traversed, int mark) {
			this.traversed = traversed;
			this.mark = mark;
		}

		Frame frame(ModuleNode node) {
			return new Frame(node, (this.traversed != null) ? null : node.importers());
		}

		boolean accepts(ModuleNode importer, ModuleNode node) {
			return (this.traversed != null) ? importer.getAcceptedHmrDeps().contains(node)
					: importer.acceptsHmrDep(node);
		}

		private boolean firstVisit(ModuleNode node) {
			if (this.traversed != null) {
				return this.traversed.add(node);
			}
			if (node.propagationWalk == this.mark) {
				return false;
			}
			node.propagationWalk = this.mark;
			return true;
		}

		private boolean hasImporters(ModuleNode node) {
			return (this.traversed != null) ? !node.getImporters().isEmpty() : !node.importers().isEmpty();
		}

		Step enter(ModuleNode node) {
			if (!firstVisit(node)) {
				return Step.DONE;
			}
			if (node.getType() != ModuleType.ASSET && !node.isAnalyzed()) {
				this.notAnalyzed.add(node);
				return Step.DONE;
			}
			if (node.isSelfAccepting()) {
				boundary(node, node);
				return Step.DONE;
			}
			// A partially accepted module is a boundary for the exports it accepts; the
			// importers of the others still have to be updated (or reloaded).
			if (node.getAcceptedHmrExports() != null) {
				boundary(node, node);
			}
			else if (!hasImporters(node)) {
				return Step.DEAD_END;
			}
			return Step.WALK_IMPORTERS;
		}

		void boundary(ModuleNode boundary, ModuleNode acceptedVia) {
			this.boundaries.add(new ModuleNode[] { boundary, acceptedVia });
		}

		Propagation deadEnd(List<ModuleNode> chain) {
			return new Propagation(boundaries(Collections.emptySet()), chain, this.notAnalyzed);
		}

		Propagation result() {
			if (this.boundaries.isEmpty()) {
				return new Propagation(List.of(), null, this.notAnalyzed);
			}
			List<ModuleNode> nodes = new ArrayList<>(this.boundaries.size());
			this.boundaries.forEach((found) -> nodes.add(found[0]));
			return new Propagation(boundaries(onImportCycles(nodes)), null, this.notAnalyzed);
		}

		private List<PropagationBoundary> boundaries(Set<ModuleNode> cyclic) {
			List<PropagationBoundary> result = new ArrayList<>(this.boundaries.size());
			for (ModuleNode[] found : this.boundaries) {
				result.add(new PropagationBoundary(found[0], found[1], cyclic.contains(found[0])));
			}
			return result;
		}

	}

}
