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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import org.jspecify.annotations.Nullable;

/**
 * One module of a {@link ModuleGraph} (Vite's {@code EnvironmentModuleNode}): a URL the
 * browser loads, the file behind it, and what the last analysis of its served code found
 * (imports and {@code import.meta.hot.accept} calls).
 * <p>
 * Nodes are created and changed only through their graph. Getters are safe to call from
 * any thread: collections are unmodifiable snapshots (cached until the graph next changes
 * them), scalar state is read without locking.
 *
 * @since 0.1.0
 */
public final class ModuleNode {

	private static final VarHandle LAST_HMR_TIMESTAMP;

	private static final VarHandle LAST_INVALIDATION_TIMESTAMP;

	private static final VarHandle LAST_HMR_INVALIDATION_RECEIVED;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			LAST_HMR_TIMESTAMP = lookup.findVarHandle(ModuleNode.class, "lastHmrTimestamp", long.class);
			LAST_INVALIDATION_TIMESTAMP = lookup.findVarHandle(ModuleNode.class, "lastInvalidationTimestamp",
					long.class);
			LAST_HMR_INVALIDATION_RECEIVED = lookup.findVarHandle(ModuleNode.class, "lastHmrInvalidationReceived",
					boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ModuleGraph graph;

	private final String url;

	/**
	 * Set once: at creation, or when a module created without one is found to have one.
	 */
	private volatile @Nullable Path file;

	private final ModuleType type;

	private final Edges importers = new Edges();

	private final Edges importedModules = new Edges();

	private final Edges acceptedHmrDeps = new Edges();

	private volatile @Nullable Set<String> acceptedHmrExports;

	private volatile @Nullable Map<ModuleNode, Set<String>> importedBindings;

	/** {@code null} until the module has been served and analysed once. */
	private volatile @Nullable Boolean selfAccepting;

	private volatile long lastHmrTimestamp;

	private volatile long lastInvalidationTimestamp;

	private volatile boolean lastHmrInvalidationReceived;

	/** {@code false} for a module served past the graph's limits, and never recorded. */
	private final boolean recorded;

	/**
	 * The mark of the last invalidation walk that reached this module; read and written
	 * under the graph's write lock only.
	 */
	int invalidationWalk;

	/** Whether {@link #acceptedHmrDeps} is not empty; under the graph's lock. */
	private boolean acceptsHmrDeps;

	/**
	 * The mark of the last propagation walk that reached this module; read and written
	 * under the graph's write lock only.
	 */
	int propagationWalk;

	ModuleNode(ModuleGraph graph, String url, @Nullable Path file, ModuleType type) {
		this(graph, url, file, type, true);
	}

	ModuleNode(ModuleGraph graph, String url, @Nullable Path file, ModuleType type, boolean recorded) {
		this.graph = graph;
		this.url = url;
		this.file = file;
		this.type = type;
		this.recorded = recorded;
	}

	/**
	 * Whether the graph holds this module: false for one made past the graph's limits,
	 * which is served but neither found by URL or file nor linked to other modules.
	 */
	boolean isRecorded() {
		return this.recorded;
	}

	/**
	 * The canonical URL: starts with {@code /}, keeps a meaningful query such as
	 * {@code ?direct}, never carries {@code ?t=} or {@code ?import}. Used verbatim in
	 * {@code path}, {@code acceptedPath} and {@code prune} paths.
	 * @return the URL
	 */
	public String getUrl() {
		return this.url;
	}

	/**
	 * The file behind the module, if any. Several modules can share one file. A module
	 * imported before its file existed has none until it is served from that file.
	 * @return the file or {@code null}
	 */
	public @Nullable Path getFile() {
		return this.file;
	}

	/**
	 * The kind of module; for a boundary it decides between {@code js-update} and
	 * {@code css-update}.
	 * @return the type
	 */
	public ModuleType getType() {
		return this.type;
	}

	/**
	 * The modules that import this one, in the order they were first recorded.
	 * @return an unmodifiable snapshot
	 */
	public Set<ModuleNode> getImporters() {
		return this.importers.snapshot(this.graph.readLock());
	}

	/**
	 * The modules this one imports, as found by its last analysis.
	 * @return an unmodifiable snapshot
	 */
	public Set<ModuleNode> getImportedModules() {
		return this.importedModules.snapshot(this.graph.readLock());
	}

	/**
	 * The modules this one accepts with {@code import.meta.hot.accept('./dep.js', cb)}.
	 * @return an unmodifiable snapshot
	 */
	public Set<ModuleNode> getAcceptedHmrDeps() {
		return this.acceptedHmrDeps.snapshot(this.graph.readLock());
	}

	/**
	 * The export names this module accepts with {@code import.meta.hot.acceptExports}, or
	 * {@code null} when it does not call it (partial accept).
	 * @return an unmodifiable set or {@code null}
	 */
	public @Nullable Set<String> getAcceptedHmrExports() {
		return this.acceptedHmrExports;
	}

	/**
	 * The names this module imports from each of its imports ({@code default}, named
	 * bindings, {@code *} for namespace and dynamic imports), or {@code null} when the
	 * analysis did not record them (Vite without {@code experimental.hmrPartialAccept}).
	 * @return an unmodifiable map or {@code null}
	 */
	public @Nullable Map<ModuleNode, Set<String>> getImportedBindings() {
		return this.importedBindings;
	}

	/**
	 * Whether the module has been served to a browser and analysed at least once (Vite's
	 * {@code isSelfAccepting !== undefined}). A module that was never analysed stops
	 * update propagation silently: no browser runs it, so there is nothing to update.
	 * @return whether the module has been analysed
	 */
	public boolean isAnalyzed() {
		return this.selfAccepting != null;
	}

	/**
	 * Whether the module accepts its own updates ({@code import.meta.hot.accept()} with
	 * no dependency, or {@code acceptExports} covering all its exports). {@code false}
	 * when the module has not been {@link #isAnalyzed() analysed}.
	 * @return whether the module is self-accepting
	 */
	public boolean isSelfAccepting() {
		return Boolean.TRUE.equals(this.selfAccepting);
	}

	/**
	 * The timestamp of the last HMR update or prune that affected this module, {@code 0}
	 * if none. Served code appends {@code ?t=<timestamp>} to imports of this module when
	 * it is positive.
	 * @return the timestamp in epoch milliseconds, or {@code 0}
	 */
	public long getLastHmrTimestamp() {
		return this.lastHmrTimestamp;
	}

	/**
	 * The timestamp of the last non-HMR invalidation (its file or a dependency's file
	 * changed), {@code 0} if none. A transform started before it must not be cached.
	 * @return the timestamp in epoch milliseconds, or {@code 0}
	 */
	public long getLastInvalidationTimestamp() {
		return this.lastInvalidationTimestamp;
	}

	/**
	 * Whether a {@code vite:invalidate} for this module has already been handled since
	 * its last HMR timestamp; used to handle it once when several tabs send it.
	 * @return whether an invalidation was received for the current timestamp
	 */
	public boolean isLastHmrInvalidationReceived() {
		return this.lastHmrInvalidationReceived;
	}

	@Override
	public String toString() {
		return "ModuleNode[" + this.url + "]";
	}

	ModuleGraph graph() {
		return this.graph;
	}

	Edges importers() {
		return this.importers;
	}

	Edges importedModules() {
		return this.importedModules;
	}

	Edges acceptedHmrDeps() {
		return this.acceptedHmrDeps;
	}

	/**
	 * Replace the accepted deps; call under the graph's write lock.
	 * @param deps the modules whose updates this one accepts
	 */
	void acceptHmrDeps(Set<ModuleNode> deps) {
		this.acceptedHmrDeps.replaceWith(deps);
		this.acceptsHmrDeps = !this.acceptedHmrDeps.isEmpty();
	}

	/**
	 * Whether this module accepts updates of {@code dep}; call under the graph's lock.
	 * Most modules accept none, which this answers from a field of the node itself, so
	 * the walks up a long chain do not load every node's accepted-deps set.
	 * @param dep the imported module
	 * @return whether {@code dep} is among the accepted deps
	 */
	boolean acceptsHmrDep(ModuleNode dep) {
		return this.acceptsHmrDeps && this.acceptedHmrDeps.contains(dep);
	}

	void analyzed(@Nullable Map<ModuleNode, Set<String>> importedBindings, @Nullable Set<String> acceptedExports,
			boolean isSelfAccepting) {
		this.importedBindings = importedBindings;
		this.acceptedHmrExports = acceptedExports;
		this.selfAccepting = isSelfAccepting;
	}

	void fileFound(Path file) {
		this.file = file;
	}

	/*
	 * The walks write the timestamps of every module they reach under the write lock;
	 * release stores publish them to readers without the lock (whose volatile reads
	 * acquire) without the full fence a volatile store costs per module.
	 */

	void hmrInvalidated(long timestamp) {
		LAST_HMR_TIMESTAMP.setRelease(this, timestamp);
		LAST_HMR_INVALIDATION_RECEIVED.setRelease(this, false);
	}

	void invalidated(long timestamp) {
		LAST_INVALIDATION_TIMESTAMP.setRelease(this, timestamp);
	}

	void hmrInvalidationReceived() {
		this.lastHmrInvalidationReceived = true;
	}

	/**
	 * An insertion-ordered set of nodes, changed under the graph's write lock, with an
	 * unmodifiable snapshot cached until the next change. The nodes are kept in an array:
	 * most modules have a handful of edges, and a walk of a long chain reads one array
	 * per module instead of a linked hash set's entries; a hash index is added only once
	 * a set grows large, so that membership stays constant-time for hubs.
	 */
	static final class Edges {

		private static final ModuleNode[] NONE = {};

		/** From this size on, {@link #index} answers {@link #contains}. */
		private static final int INDEXED = 16;

		private ModuleNode[] nodes = NONE;

		private int size;

		/**
		 * {@code nodes[0]}, or {@code null}: a walk up a chain (one importer per module)
		 * reads it from this object, allocated next to its module, and never loads the
		 * array.
		 */
		private @Nullable ModuleNode first;

		private @Nullable Set<ModuleNode> index;

		private volatile @Nullable Set<ModuleNode> snapshot;

		Set<ModuleNode> snapshot(Lock readLock) {
			Set<ModuleNode> snapshot = this.snapshot;
			if (snapshot != null) {
				return snapshot;
			}
			readLock.lock();
			try {
				snapshot = this.snapshot;
				if (snapshot == null) {
					snapshot = (this.size == 0) ? Collections.emptySet() : new Snapshot(
							Arrays.copyOf(this.nodes, this.size),
							(this.index != null) ? Collections.unmodifiableSet(new HashSet<>(this.index)) : null);
					this.snapshot = snapshot;
				}
				return snapshot;
			}
			finally {
				readLock.unlock();
			}
		}

		boolean contains(ModuleNode node) {
			Set<ModuleNode> index = this.index;
			if (index != null) {
				return index.contains(node);
			}
			if (this.first == node) {
				return true;
			}
			ModuleNode[] nodes = this.nodes;
			for (int i = 1; i < this.size; i++) {
				if (nodes[i] == node) {
					return true;
				}
			}
			return false;
		}

		boolean isEmpty() {
			return this.size == 0;
		}

		/**
		 * The number of nodes, for iteration under the graph's lock with {@link #get}.
		 * @return the number of nodes
		 */
		int size() {
			return this.size;
		}

		/**
		 * A node by position, for iteration under the graph's lock.
		 * @param i the position, below {@link #size()}
		 * @return the node
		 */
		ModuleNode get(int i) {
			ModuleNode first = this.first;
			return (i == 0 && first != null) ? first : this.nodes[i];
		}

		void add(ModuleNode node) {
			if (contains(node)) {
				return;
			}
			if (this.size == this.nodes.length) {
				this.nodes = Arrays.copyOf(this.nodes, Math.max(2, this.size * 2));
			}
			this.nodes[this.size++] = node;
			this.first = this.nodes[0];
			if (this.index != null) {
				this.index.add(node);
			}
			else if (this.size == INDEXED) {
				this.index = new HashSet<>(Arrays.asList(this.nodes).subList(0, this.size));
			}
			this.snapshot = null;
		}

		void remove(ModuleNode node) {
			if (!contains(node)) {
				return;
			}
			for (int i = 0; i < this.size; i++) {
				if (this.nodes[i] == node) {
					System.arraycopy(this.nodes, i + 1, this.nodes, i, this.size - i - 1);
					this.nodes[--this.size] = null;
					break;
				}
			}
			this.first = (this.size > 0) ? this.nodes[0] : null;
			if (this.index != null) {
				this.index.remove(node);
			}
			this.snapshot = null;
		}

		void replaceWith(Set<ModuleNode> nodes) {
			this.nodes = NONE;
			this.size = 0;
			this.first = null;
			this.index = null;
			nodes.forEach(this::add);
			this.snapshot = null;
		}

		void clear() {
			if (this.size != 0) {
				this.nodes = NONE;
				this.size = 0;
				this.first = null;
				this.index = null;
				this.snapshot = null;
			}
		}

		/**
		 * A copy of the nodes in order, for use under the graph's lock.
		 * @return the nodes
		 */
		List<ModuleNode> toList() {
			return new ArrayList<>(Arrays.asList(this.nodes).subList(0, this.size));
		}

	}

	/**
	 * An unmodifiable, insertion-ordered copy of a set of edges.
	 */
	private static final class Snapshot extends AbstractSet<ModuleNode> {

		private final ModuleNode[] nodes;

		private final @Nullable Set<ModuleNode> index;

		Snapshot(ModuleNode[] nodes, @Nullable Set<ModuleNode> index) {
			this.nodes = nodes;
			this.index = index;
		}

		@Override
		public boolean contains(Object o) {
			if (this.index != null) {
				return this.index.contains(o);
			}
			for (ModuleNode node : this.nodes) {
				if (node == o) {
					return true;
				}
			}
			return false;
		}

		@Override
		public Iterator<ModuleNode> iterator() {
			return Collections.unmodifiableList(Arrays.asList(this.nodes)).iterator();
		}

		@Override
		public int size() {
			return this.nodes.length;
		}

	}

}
