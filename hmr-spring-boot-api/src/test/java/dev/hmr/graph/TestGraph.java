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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny builder for module graphs in tests: declare modules as a browser would have
 * loaded them, then change one.
 *
 * <pre>
 * graph.js("/main.js").imports("/app.js");
 * graph.js("/app.js").imports("/dep.js").selfAccepting();
 * graph.js("/dep.js");
 * graph.change("/dep.js");
 * </pre>
 *
 * Modules are analysed in declaration order (which decides the order of importers) the
 * first time the graph is used. Each URL is backed by {@code /project} + its path without
 * query, so {@code /a.css} and {@code /a.css?direct} share a file.
 */
final class TestGraph {

	static final Path ROOT = Path.of("/project");

	private final ModuleGraph graph = new ModuleGraph();

	private final Map<String, Spec> specs = new LinkedHashMap<>();

	private final HmrClock clock = new HmrClock();

	private boolean analysed;

	private long lastTimestamp;

	Spec js(String url) {
		return declare(url, ModuleType.JS);
	}

	/** A stylesheet linked with {@code <link>}: CSS and self-accepting, as Vite does. */
	Spec linkedCss(String url) {
		return declare(url, ModuleType.CSS).selfAccepting();
	}

	/** A file a stylesheet {@code @import}s: an asset entry, never analysed. */
	ModuleNode fileOnly(String path) {
		return this.graph.createFileOnlyEntry(file(path));
	}

	ModuleGraph graph() {
		analyse();
		return this.graph;
	}

	ModuleNode node(String url) {
		ModuleNode node = graph().getModuleByUrl(url);
		assertThat(node).as(url).isNotNull();
		return node;
	}

	/** The timestamp of the last change. */
	long lastTimestamp() {
		return this.lastTimestamp;
	}

	long nextTimestamp() {
		this.lastTimestamp = this.clock.nextTimestamp();
		return this.lastTimestamp;
	}

	/** A file change for the modules of the file behind {@code url}. */
	HmrUpdateResult change(String url) {
		return changeFile(file(url));
	}

	HmrUpdateResult changeFile(Path file) {
		ModuleGraph graph = graph();
		return graph.updateModules(file, graph.getModulesByFile(file), nextTimestamp(), null);
	}

	HmrUpdateResult changeModules(String... urls) {
		ModuleGraph graph = graph();
		List<ModuleNode> modules = Arrays.stream(urls).map(this::node).toList();
		return graph.updateModules(modules.get(0).getFile(), modules, nextTimestamp(), null);
	}

	static Path file(String url) {
		int query = url.indexOf('?');
		String path = (query >= 0) ? url.substring(0, query) : url;
		return Path.of(ROOT + path);
	}

	/** The boundaries of an update result, each with the update's timestamp. */
	static List<Boundary> updates(HmrUpdateResult result) {
		assertThat(result).isInstanceOf(HmrUpdateResult.Updates.class);
		HmrUpdateResult.Updates updates = (HmrUpdateResult.Updates) result;
		return updates.boundaries()
			.stream()
			.map((boundary) -> new Boundary(boundary.boundary().getType(), updates.timestamp(),
					boundary.boundary().getUrl(), boundary.acceptedVia().getUrl(), boundary.isWithinCircularImport(),
					updates.firstInvalidatedBy()))
			.toList();
	}

	static HmrUpdateResult.FullReload fullReload(HmrUpdateResult result) {
		assertThat(result).isInstanceOf(HmrUpdateResult.FullReload.class);
		return (HmrUpdateResult.FullReload) result;
	}

	private Spec declare(String url, ModuleType type) {
		assertThat(this.analysed).as("modules must be declared before the graph is used").isFalse();
		Spec spec = new Spec(this.graph.ensureModule(url, file(url), type));
		this.specs.put(url, spec);
		return spec;
	}

	private void analyse() {
		if (!this.analysed) {
			this.analysed = true;
			this.specs.values().forEach(Spec::analyse);
		}
	}

	private ModuleNode declared(String url) {
		Spec spec = this.specs.get(url);
		assertThat(spec).as("declared module " + url).isNotNull();
		return spec.node;
	}

	/**
	 * One boundary of an update, with the fields the engine puts on the wire.
	 *
	 * @param type the boundary's type ({@code JS} gives a {@code js-update}, {@code CSS}
	 * a {@code css-update})
	 * @param timestamp the update's timestamp
	 * @param path the boundary's URL
	 * @param acceptedPath the URL of the module it re-imports
	 * @param isWithinCircularImport whether it lies on an import cycle
	 * @param firstInvalidatedBy the module that first invalidated, or {@code null}
	 */
	record Boundary(ModuleType type, long timestamp, String path, String acceptedPath, boolean isWithinCircularImport,
			@Nullable String firstInvalidatedBy) {

	}

	/**
	 * What the analysis of one module found.
	 */
	final class Spec {

		private final ModuleNode node;

		private final Set<String> imports = new LinkedHashSet<>();

		private final Set<String> accepts = new LinkedHashSet<>();

		private final Map<String, Set<String>> bindings = new LinkedHashMap<>();

		private final Set<ModuleNode> fileImports = new LinkedHashSet<>();

		private @Nullable Set<String> acceptedExports;

		private boolean selfAccepting;

		private boolean loaded = true;

		private boolean recordBindings;

		private Spec(ModuleNode node) {
			this.node = node;
		}

		Spec imports(String... urls) {
			this.imports.addAll(List.of(urls));
			return this;
		}

		/** Imports the given names from {@code url} (records imported bindings). */
		Spec importsBindings(String url, String... names) {
			this.imports.add(url);
			this.bindings.put(url, Set.of(names));
			this.recordBindings = true;
			return this;
		}

		Spec importsFile(ModuleNode fileOnly) {
			this.fileImports.add(fileOnly);
			return this;
		}

		Spec accepts(String... urls) {
			this.accepts.addAll(List.of(urls));
			return this;
		}

		Spec acceptsExports(String... names) {
			this.acceptedExports = Set.of(names);
			return this;
		}

		Spec selfAccepting() {
			this.selfAccepting = true;
			return this;
		}

		/** Never requested by a browser, so never analysed. */
		Spec notLoaded() {
			this.loaded = false;
			return this;
		}

		private void analyse() {
			if (!this.loaded) {
				return;
			}
			Set<ModuleNode> imported = new LinkedHashSet<>();
			this.imports.forEach((url) -> imported.add(declared(url)));
			imported.addAll(this.fileImports);
			Set<ModuleNode> accepted = new LinkedHashSet<>();
			this.accepts.forEach((url) -> accepted.add(declared(url)));
			Map<ModuleNode, Set<String>> importedBindings = null;
			if (this.recordBindings) {
				importedBindings = new LinkedHashMap<>();
				for (Map.Entry<String, Set<String>> entry : this.bindings.entrySet()) {
					importedBindings.put(declared(entry.getKey()), entry.getValue());
				}
			}
			TestGraph.this.graph.updateModuleInfo(this.node, imported, importedBindings, accepted, this.acceptedExports,
					this.selfAccepting);
		}

	}

}
