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

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The modules browsers have loaded and how they import and accept each other (Vite's
 * {@code EnvironmentModuleGraph}), with what happens when files change: invalidation,
 * {@link #updateModules update propagation}, {@code vite:invalidate} and prune.
 * <p>
 * Thread-safe. Lookups by URL or file are lock-free (concurrent maps), as are the getters
 * of {@link ModuleNode}. Every change to the graph, and every propagation, holds one
 * write lock, so a propagation sees a consistent graph and re-stamps it atomically; they
 * take microseconds. Building a node's collection snapshot after a change takes the read
 * lock.
 * <p>
 * Left to the caller (the engine): the HTML rule of Vite's {@code updateModules} (a
 * changed {@code .html} file that backs no JS module reloads its page), plugin hooks,
 * sending payloads and logging.
 *
 * @since 0.1.0
 */
public final class ModuleGraph {

	/**
	 * How many modules a graph holds by default ({@code hmr.max-modules}): far more than
	 * an application's own (about 1 KB of heap each), few enough that junk URLs cannot
	 * exhaust the heap.
	 */
	public static final int DEFAULT_MAX_MODULES = 100_000;

	/**
	 * How many modules one file may back: a stylesheet is {@code /a.css} and
	 * {@code /a.css?direct} and, {@code @import}ed, a file-only entry; a file under two
	 * overlapping roots has two URLs. Past this, more URLs of the file (spellings the
	 * canonical URL does not fold, such as case variants on a case-insensitive file
	 * system) are served but not recorded, so a save of the file sends a bounded update.
	 */
	public static final int MAX_MODULES_PER_FILE = 16;

	private static final System.Logger logger = System.getLogger(ModuleGraph.class.getName());

	private static final String FS_PREFIX = "/@fs";

	private final int maxModules;

	/**
	 * Whether the limit on modules, resp. on modules per file, was logged; guarded by the
	 * lock.
	 */
	private boolean fullLogged;

	private boolean fileFullLogged;

	/** The last invalidation walk's mark; guarded by the lock. */
	private int walks;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<String, ModuleNode> urlToModule = new ConcurrentHashMap<>();

	/** Values are unmodifiable sets, replaced under the write lock. */
	private final Map<Path, Set<ModuleNode>> fileToModules = new ConcurrentHashMap<>();

	/** Every module, URL-mapped or file-only, in creation order; guarded by the lock. */
	private final List<ModuleNode> modules = new ArrayList<>();

	/**
	 * Create a graph that holds up to {@link #DEFAULT_MAX_MODULES} modules.
	 */
	public ModuleGraph() {
		this(DEFAULT_MAX_MODULES);
	}

	/**
	 * Create a graph that holds up to {@code maxModules} modules, and at most
	 * {@link #MAX_MODULES_PER_FILE} of one file. Past either limit, a module asked for is
	 * made but not recorded: it is served, with no HMR, and a save sends nothing for it.
	 * One line is logged the first time a limit is reached.
	 * @param maxModules the most modules the graph holds, at least 1
	 */
	public ModuleGraph(int maxModules) {
		if (maxModules < 1) {
			throw new IllegalArgumentException("'maxModules' must be at least 1");
		}
		this.maxModules = maxModules;
	}

	/**
	 * How many modules the graph holds.
	 * @return the number of modules, URL-mapped and file-only
	 */
	public int size() {
		Lock readLock = this.lock.readLock();
		readLock.lock();
		try {
			return this.modules.size();
		}
		finally {
			readLock.unlock();
		}
	}

	/**
	 * The most modules this graph holds.
	 * @return the limit
	 */
	public int getMaxModules() {
		return this.maxModules;
	}

	/**
	 * The module with the given canonical URL.
	 * @param url the URL, such as {@code /js/app.js} or {@code /css/site.css?direct}
	 * @return the module or {@code null}
	 */
	public @Nullable ModuleNode getModuleByUrl(String url) {
		if (url == null) {
			throw new IllegalArgumentException("'url' must not be null");
		}
		return this.urlToModule.get(url);
	}

	/**
	 * The modules backed by a file; one file can back several, such as {@code /a.css}
	 * imported from JS and {@code /a.css?direct} linked from a page.
	 * @param file the file
	 * @return an unmodifiable set, empty if none
	 */
	public Set<ModuleNode> getModulesByFile(Path file) {
		if (file == null) {
			throw new IllegalArgumentException("'file' must not be null");
		}
		return this.fileToModules.getOrDefault(normalize(file), Collections.emptySet());
	}

	/**
	 * Every module, in the order they were created.
	 * @return an unmodifiable snapshot
	 */
	public List<ModuleNode> getModules() {
		Lock readLock = this.lock.readLock();
		readLock.lock();
		try {
			return List.copyOf(this.modules);
		}
		finally {
			readLock.unlock();
		}
	}

	/**
	 * The module with the given URL, created if absent (Vite's
	 * {@code ensureEntryFromUrl}). The call that creates it decides its type. A module
	 * created without a file (an import written before its file existed) gets the file of
	 * the first later call that gives one; a module's file never changes once it has one.
	 * A new module is not {@link ModuleNode#isAnalyzed() analysed} until
	 * {@link #updateModuleInfo} records what its served code does.
	 * @param url the canonical URL, starting with {@code /}
	 * @param file the file behind it, if any
	 * @param type the type of module
	 * @return the module
	 */
	public ModuleNode ensureModule(String url, @Nullable Path file, ModuleType type) {
		if (url == null || !url.startsWith("/")) {
			throw new IllegalArgumentException("'url' must start with '/'");
		}
		if (type == null) {
			throw new IllegalArgumentException("'type' must not be null");
		}
		ModuleNode module = this.urlToModule.get(url);
		if (module != null && (file == null || module.getFile() != null)) {
			return module;
		}
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			module = this.urlToModule.get(url);
			Path normalized = (file != null) ? normalize(file) : null;
			if (module == null) {
				if (!hasRoomFor(normalized)) {
					return new ModuleNode(this, url, normalized, type, false);
				}
				module = register(new ModuleNode(this, url, normalized, type));
				this.urlToModule.put(url, module);
			}
			else if (normalized != null && module.getFile() == null
					&& getModulesByFile(normalized).size() < MAX_MODULES_PER_FILE) {
				module.fileFound(normalized);
				indexByFile(module);
			}
			return module;
		}
		finally {
			writeLock.unlock();
		}
	}

	/**
	 * The {@link ModuleType#ASSET asset} module for a file that has no URL of its own,
	 * such as a file a stylesheet {@code @import}s, created if absent (Vite's
	 * {@code createFileOnlyEntry}). Its URL is {@code /@fs} followed by the absolute
	 * path; like Vite, it is found by file, not by URL.
	 * @param file the file
	 * @return the module
	 */
	public ModuleNode createFileOnlyEntry(Path file) {
		if (file == null) {
			throw new IllegalArgumentException("'file' must not be null");
		}
		Path normalized = normalize(file);
		String url = FS_PREFIX + toUrlPath(normalized);
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			for (ModuleNode module : getModulesByFile(normalized)) {
				if (module.getType() == ModuleType.ASSET && module.getUrl().equals(url)) {
					return module;
				}
			}
			if (!hasRoomFor(normalized)) {
				return new ModuleNode(this, url, normalized, ModuleType.ASSET, false);
			}
			return register(new ModuleNode(this, url, normalized, ModuleType.ASSET));
		}
		finally {
			writeLock.unlock();
		}
	}

	/**
	 * Record what the analysis of a module's served code found, without imported bindings
	 * (Vite without {@code experimental.hmrPartialAccept}: only a module that accepts all
	 * its exports, i.e. a self-accepting one, stops propagation).
	 * @param mod the analysed module
	 * @param importedModules the modules it imports
	 * @param acceptedModules the modules it accepts with {@code hot.accept(deps, cb)}
	 * @param acceptedExports the export names it accepts with {@code hot.acceptExports},
	 * or {@code null} if it does not call it
	 * @param isSelfAccepting whether it accepts itself
	 * @return the modules that lost their last importer (see
	 * {@link #updateModuleInfo(ModuleNode, Set, Map, Set, Set, boolean)})
	 */
	public Set<ModuleNode> updateModuleInfo(ModuleNode mod, Set<ModuleNode> importedModules,
			Set<ModuleNode> acceptedModules, @Nullable Set<String> acceptedExports, boolean isSelfAccepting) {
		return updateModuleInfo(mod, importedModules, null, acceptedModules, acceptedExports, isSelfAccepting);
	}

	/**
	 * Record what the analysis of a module's served code found (Vite's
	 * {@code updateModuleInfo}); the module is {@link ModuleNode#isAnalyzed() analysed}
	 * from then on. Deps it no longer imports stop listing it as an importer.
	 * <p>
	 * Returns the deps that lost their last importer: the engine sends {@code prune} with
	 * their URLs and calls {@link #prune} to give them a fresh timestamp. Nothing here
	 * changes their timestamps.
	 * @param mod the analysed module
	 * @param importedModules the modules it imports
	 * @param importedBindings for each imported module, the names imported from it
	 * ({@code *} for namespace and dynamic imports), or {@code null} if not recorded
	 * @param acceptedModules the modules it accepts with {@code hot.accept(deps, cb)}
	 * @param acceptedExports the export names it accepts with {@code hot.acceptExports},
	 * or {@code null} if it does not call it
	 * @param isSelfAccepting whether it accepts itself
	 * @return the modules that lost their last importer, in import order; unmodifiable
	 */
	public Set<ModuleNode> updateModuleInfo(ModuleNode mod, Set<ModuleNode> importedModules,
			@Nullable Map<ModuleNode, Set<String>> importedBindings, Set<ModuleNode> acceptedModules,
			@Nullable Set<String> acceptedExports, boolean isSelfAccepting) {
		checkOwned(mod, "mod");
		checkOwned(importedModules, "importedModules");
		checkOwned(acceptedModules, "acceptedModules");
		if (importedBindings != null) {
			checkOwned(importedBindings.keySet(), "importedBindings");
		}
		if (mod.getType() == ModuleType.ASSET
				&& (isSelfAccepting || !acceptedModules.isEmpty() || acceptedExports != null)) {
			throw new IllegalArgumentException("'mod' is an asset (" + mod.getUrl() + ") and cannot accept updates");
		}
		if (!mod.isRecorded()) {
			// served past the limits: nothing links to it, it links to nothing
			return Collections.emptySet();
		}
		Set<ModuleNode> nextImports = recordedOnly(importedModules);
		Map<ModuleNode, Set<String>> bindings = (importedBindings != null) ? copyOf(importedBindings) : null;
		Set<String> exports = (acceptedExports != null)
				? Collections.unmodifiableSet(new LinkedHashSet<>(acceptedExports)) : null;
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			mod.analyzed(bindings, exports, isSelfAccepting);
			List<ModuleNode> previousImports = mod.importedModules().toList();
			for (ModuleNode imported : nextImports) {
				imported.importers().add(mod);
			}
			mod.importedModules().replaceWith(nextImports);
			Set<ModuleNode> noLongerImported = new LinkedHashSet<>();
			for (ModuleNode previous : previousImports) {
				if (!nextImports.contains(previous)) {
					previous.importers().remove(mod);
					if (previous.importers().isEmpty()) {
						noLongerImported.add(previous);
					}
				}
			}
			mod.acceptHmrDeps(recordedOnly(acceptedModules));
			return Collections.unmodifiableSet(noLongerImported);
		}
		finally {
			writeLock.unlock();
		}
	}

	/**
	 * Give modules that lost their last importer a fresh HMR timestamp, so that a later
	 * re-import runs their side effects again under a new {@code ?t=} URL (Vite's
	 * {@code handlePrunedModules}).
	 * @param modules the pruned modules, as returned by {@link #updateModuleInfo}
	 * @param timestamp the timestamp, from {@link HmrClock#nextTimestamp()}
	 * @return their URLs, the {@code paths} of the {@code prune} payload
	 */
	public List<String> prune(Collection<ModuleNode> modules, long timestamp) {
		checkOwned(modules, "modules");
		checkTimestamp(timestamp);
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			List<String> paths = new ArrayList<>(modules.size());
			for (ModuleNode module : modules) {
				module.hmrInvalidated(timestamp);
				paths.add(module.getUrl());
			}
			return Collections.unmodifiableList(paths);
		}
		finally {
			writeLock.unlock();
		}
	}

	/**
	 * A file changed on disk: invalidate its modules and, recursively, their importers,
	 * outside HMR (sets {@link ModuleNode#getLastInvalidationTimestamp()}; Vite's
	 * {@code onFileChange}). Run before {@link #updateModules} for the same change.
	 * @param file the changed file
	 * @param timestamp the timestamp, from {@link HmrClock#nextTimestamp()}
	 */
	public void onFileChange(Path file, long timestamp) {
		checkTimestamp(timestamp);
		Set<ModuleNode> modules = getModulesByFile(file);
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			int walk = nextWalk();
			for (ModuleNode module : modules) {
				invalidate(module, walk, timestamp, false, true);
			}
		}
		finally {
			writeLock.unlock();
		}
	}

	/**
	 * A file was deleted: its modules stop being importers of what they imported (Vite's
	 * {@code onFileDelete}). The modules stay in the graph, imported by their importers,
	 * so that {@link #updateModules} for the deletion reaches their boundaries.
	 * <p>
	 * Unlike Vite, which leaves the deleted module's own import list in place, the list
	 * is cleared too, so that importers and imports always mirror each other. Modules
	 * that lose their last importer this way are not pruned, as in Vite.
	 * @param file the deleted file
	 */
	public void onFileDeleted(Path file) {
		Set<ModuleNode> modules = getModulesByFile(file);
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			for (ModuleNode module : modules) {
				ModuleNode.Edges imports = module.importedModules();
				for (int i = 0; i < imports.size(); i++) {
					imports.get(i).importers().remove(module);
				}
				module.importedModules().clear();
			}
		}
		finally {
			writeLock.unlock();
		}
	}

	/**
	 * {@link #onFileChange} and then {@link #updateModules} for the modules of the file,
	 * under one lock and with one invalidation walk, for a caller with nothing to run
	 * between the two (no plugin {@code handleHotUpdate} hooks): both walks reach the
	 * same modules, so each module is visited once and gets both timestamps.
	 * @param file the changed file
	 * @param timestamp the timestamp, from {@link HmrClock#nextTimestamp()}
	 * @return the result of {@link #updateModules}, or {@code null} if the file has no
	 * modules (nothing was invalidated)
	 * @since 0.1.0
	 */
	public @Nullable HmrUpdateResult onFileChangeAndUpdateModules(Path file, long timestamp) {
		checkTimestamp(timestamp);
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			List<ModuleNode> modules = List.copyOf(getModulesByFile(file));
			if (modules.isEmpty()) {
				return null;
			}
			return doUpdateModules(file, modules, timestamp, null, true);
		}
		finally {
			writeLock.unlock();
		}
	}

	/**
	 * Propagate a change of some modules of a file to their boundaries and re-stamp what
	 * it invalidates (Vite's {@code updateModules}). For each module in turn, sharing one
	 * set of traversed modules: {@link UpdatePropagation#propagateUpdate propagate}, then
	 * invalidate it and its importers with {@code timestamp} (even after a full reload
	 * has been decided). The result is:
	 * <ul>
	 * <li>{@link HmrUpdateResult.FullReload} if {@code modules} is empty, if any module
	 * reaches a dead end, or if a boundary accepts via {@code firstInvalidatedBy} (an
	 * invalidation loop);</li>
	 * <li>{@link HmrUpdateResult.Updates} with one update per boundary otherwise, or
	 * {@link HmrUpdateResult.NoUpdate} if there is none (no browser loaded the
	 * modules).</li>
	 * </ul>
	 * The HTML rule (a changed {@code .html} file none of whose modules is JS reloads the
	 * page, with {@code path} {@code "/" + file} when there are no updates) is left to
	 * the caller.
	 * @param file the changed file, reported as {@code triggeredBy}; {@code null} if none
	 * @param modules the modules to update, usually those of the file
	 * @param timestamp the update's timestamp, from {@link HmrClock#nextTimestamp()}
	 * @param firstInvalidatedBy for an update caused by {@code vite:invalidate}, the URL
	 * of the module that first invalidated, else {@code null}
	 * @return the result
	 */
	public HmrUpdateResult updateModules(@Nullable Path file, Collection<ModuleNode> modules, long timestamp,
			@Nullable String firstInvalidatedBy) {
		checkOwned(modules, "modules");
		checkTimestamp(timestamp);
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			return doUpdateModules(file, List.copyOf(modules), timestamp, firstInvalidatedBy, false);
		}
		finally {
			writeLock.unlock();
		}
	}

	/**
	 * Handle a {@code vite:invalidate} message: a module's {@code hot.accept} callback
	 * called {@code import.meta.hot.invalidate()}, so its importers must be updated with
	 * the same timestamp (Vite's {@code invalidateModule} on the server). Acts only if
	 * the module exists, is self-accepting, has been hot-updated, and no invalidation was
	 * received since that update: several tabs send the same message and only the first
	 * counts. A module with no other importer makes the page reload.
	 * @param url the module's canonical URL (without a {@code /@id/} prefix)
	 * @param firstInvalidatedBy the URL of the module that first invalidated in this
	 * chain of updates, as the client sends it, or {@code null}
	 * @return the result
	 */
	public HmrUpdateResult invalidate(String url, @Nullable String firstInvalidatedBy) {
		if (url == null) {
			throw new IllegalArgumentException("'url' must not be null");
		}
		Lock writeLock = this.lock.writeLock();
		writeLock.lock();
		try {
			ModuleNode module = this.urlToModule.get(url);
			if (module == null) {
				return new HmrUpdateResult.NoUpdate("invalidate ignored: no module " + url);
			}
			if (!module.isSelfAccepting()) {
				return new HmrUpdateResult.NoUpdate("invalidate ignored: " + url + " is not self-accepting");
			}
			long timestamp = module.getLastHmrTimestamp();
			if (timestamp == 0) {
				return new HmrUpdateResult.NoUpdate("invalidate ignored: " + url + " has not been hot-updated");
			}
			if (module.isLastHmrInvalidationReceived()) {
				return new HmrUpdateResult.NoUpdate(
						"invalidate ignored: " + url + " was already invalidated for the update at " + timestamp);
			}
			module.hmrInvalidationReceived();
			List<ModuleNode> importers = module.importers().toList();
			importers.remove(module);
			if (importers.isEmpty()) {
				return new HmrUpdateResult.FullReload(
						url + " called import.meta.hot.invalidate() and has no importers to pass the update to",
						module.getFile());
			}
			return doUpdateModules(module.getFile(), importers, timestamp, firstInvalidatedBy, false);
		}
		finally {
			writeLock.unlock();
		}
	}

	Lock readLock() {
		return this.lock.readLock();
	}

	private HmrUpdateResult doUpdateModules(@Nullable Path file, List<ModuleNode> modules, long timestamp,
			@Nullable String firstInvalidatedBy, boolean fileChanged) {
		List<PropagationBoundary> boundaries = new ArrayList<>();
		int walk = nextWalk();
		Set<ModuleNode> notAnalyzed = new LinkedHashSet<>();
		String fullReload = modules.isEmpty() ? "no modules to update" : null;
		for (ModuleNode module : modules) {
			// Propagating once a reload is decided would change nothing
			Propagation propagation = (fullReload == null) ? UpdatePropagation.propagateUpdate(module, walk) : null;
			invalidate(module, walk, timestamp, true, fileChanged);
			if (propagation == null) {
				continue;
			}
			if (propagation.deadEndChain() != null) {
				fullReload = deadEndReason(propagation.deadEndChain());
				continue;
			}
			PropagationBoundary loop = acceptedVia(propagation, firstInvalidatedBy);
			if (loop != null) {
				fullReload = "circular import invalidate: " + firstInvalidatedBy
						+ " called import.meta.hot.invalidate() and the update it started came back to it (boundary "
						+ loop.boundary().getUrl() + ")";
				continue;
			}
			boundaries.addAll(propagation.boundaries());
			notAnalyzed.addAll(propagation.notAnalyzed());
		}
		if (fullReload != null) {
			return new HmrUpdateResult.FullReload(fullReload, file);
		}
		if (boundaries.isEmpty()) {
			return new HmrUpdateResult.NoUpdate(noUpdateReason(modules, notAnalyzed));
		}
		return new HmrUpdateResult.Updates(boundaries, timestamp, firstInvalidatedBy);
	}

	private static @Nullable PropagationBoundary acceptedVia(Propagation propagation,
			@Nullable String firstInvalidatedBy) {
		if (firstInvalidatedBy != null) {
			for (PropagationBoundary boundary : propagation.boundaries()) {
				if (boundary.acceptedVia().getUrl().equals(firstInvalidatedBy)) {
					return boundary;
				}
			}
		}
		return null;
	}

	private static String deadEndReason(List<ModuleNode> chain) {
		ModuleNode deadEnd = chain.get(chain.size() - 1);
		StringBuilder reason = new StringBuilder("no HMR boundary: ").append(deadEnd.getUrl())
			.append(" has no importers and does not accept updates");
		if (chain.size() > 1) {
			reason.append(" (update path: ")
				.append(chain.stream().map(ModuleNode::getUrl).collect(Collectors.joining(" -> ")))
				.append(")");
		}
		return reason.toString();
	}

	private static String noUpdateReason(List<ModuleNode> modules, Set<ModuleNode> notAnalyzed) {
		if (!notAnalyzed.isEmpty()) {
			return "no update: " + notAnalyzed.stream().map(ModuleNode::getUrl).collect(Collectors.joining(", "))
					+ ((notAnalyzed.size() == 1) ? " has" : " have") + " not been loaded by a browser";
		}
		return "no update: no HMR boundary reached from "
				+ modules.stream().map(ModuleNode::getUrl).collect(Collectors.joining(", "));
	}

	/**
	 * Invalidate a module and, recursively, every importer that does not list it among
	 * its accepted deps (Vite's {@code invalidateModule}), iteratively; call under the
	 * write lock. The recursion does not stop at self-accepting importers, only at
	 * accepting ones, so every module that serves an import of the changed code gets the
	 * new {@code ?t=} and no page ends up with two instances of one module.
	 * @param isHmr whether to set {@link ModuleNode#getLastHmrTimestamp()} (and clear the
	 * {@code vite:invalidate} flag)
	 * @param fileChanged whether to set {@link ModuleNode#getLastInvalidationTimestamp()}
	 * (the walk of {@link #onFileChange}, which reaches the same modules)
	 */
	private void invalidate(ModuleNode mod, int walk, long timestamp, boolean isHmr, boolean fileChanged) {
		Deque<ModuleNode> pending = new ArrayDeque<>();
		pending.push(mod);
		while (!pending.isEmpty()) {
			ModuleNode module = pending.pop();
			if (module.invalidationWalk == walk) {
				continue;
			}
			module.invalidationWalk = walk;
			if (isHmr) {
				module.hmrInvalidated(timestamp);
			}
			if (fileChanged) {
				module.invalidated(timestamp);
			}
			ModuleNode.Edges importers = module.importers();
			for (int i = 0; i < importers.size(); i++) {
				ModuleNode importer = importers.get(i);
				if (importer.invalidationWalk != walk && !importer.acceptsHmrDep(module)) {
					pending.push(importer);
				}
			}
		}
	}

	/**
	 * A new mark for an invalidation walk: a module whose mark is the walk's was reached
	 * in it. Marks on the modules instead of a set of those seen make a walk of a long
	 * chain a field write per module instead of a hash set that grows with it. Call under
	 * the write lock.
	 */
	private int nextWalk() {
		if (++this.walks == 0) {
			// after 2^32 walks: no module may keep a mark that a new walk would reuse
			for (ModuleNode module : this.modules) {
				module.invalidationWalk = 0;
				module.propagationWalk = 0;
			}
			this.walks = 1;
		}
		return this.walks;
	}

	/**
	 * Whether a new module fits in the graph; logs the first time it does not. Call under
	 * the write lock.
	 */
	private boolean hasRoomFor(@Nullable Path file) {
		if (this.modules.size() >= this.maxModules) {
			if (!this.fullLogged) {
				this.fullLogged = true;
				logger.log(System.Logger.Level.WARNING, "The HMR module graph holds " + this.maxModules
						+ " modules, its limit (hmr.max-modules): further URLs are served without HMR");
			}
			return false;
		}
		if (file != null && getModulesByFile(file).size() >= MAX_MODULES_PER_FILE) {
			if (!this.fileFullLogged) {
				this.fileFullLogged = true;
				logger.log(System.Logger.Level.WARNING,
						file + " backs " + MAX_MODULES_PER_FILE
								+ " modules, the most one file may: further URLs of a file past this are served"
								+ " without HMR (this is logged once)");
			}
			return false;
		}
		return true;
	}

	private static Set<ModuleNode> recordedOnly(Set<ModuleNode> modules) {
		Set<ModuleNode> recorded = new LinkedHashSet<>(modules.size());
		for (ModuleNode module : modules) {
			if (module.isRecorded()) {
				recorded.add(module);
			}
		}
		return recorded;
	}

	private ModuleNode register(ModuleNode module) {
		indexByFile(module);
		this.modules.add(module);
		return module;
	}

	private void indexByFile(ModuleNode module) {
		Path file = module.getFile();
		if (file != null) {
			Set<ModuleNode> backed = new LinkedHashSet<>(getModulesByFile(file));
			backed.add(module);
			this.fileToModules.put(file, Collections.unmodifiableSet(backed));
		}
	}

	private void checkOwned(ModuleNode module, String name) {
		if (module == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
		if (module.graph() != this) {
			throw new IllegalArgumentException("'" + name + "' must belong to this graph: " + module);
		}
	}

	private void checkOwned(Collection<ModuleNode> modules, String name) {
		if (modules == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
		for (ModuleNode module : modules) {
			checkOwned(module, name);
		}
	}

	private static void checkTimestamp(long timestamp) {
		if (timestamp <= 0) {
			throw new IllegalArgumentException("'timestamp' must be positive");
		}
	}

	private static Map<ModuleNode, Set<String>> copyOf(Map<ModuleNode, Set<String>> importedBindings) {
		Map<ModuleNode, Set<String>> copy = new LinkedHashMap<>();
		importedBindings.forEach((module, names) -> copy.put(module, Set.copyOf(names)));
		return Collections.unmodifiableMap(copy);
	}

	private static Path normalize(Path file) {
		return file.toAbsolutePath().normalize();
	}

	private static String toUrlPath(Path absolute) {
		String path = absolute.toString().replace(File.separatorChar, '/');
		return path.startsWith("/") ? path : "/" + path;
	}

}
