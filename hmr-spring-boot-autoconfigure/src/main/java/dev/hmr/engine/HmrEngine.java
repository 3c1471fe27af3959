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

package dev.hmr.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

import dev.hmr.access.LogSafe;
import dev.hmr.channel.HotChannelClient;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.HmrUpdateResult;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.graph.ModuleNode;
import dev.hmr.graph.ModuleType;
import dev.hmr.graph.PropagationBoundary;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.payload.UpdatePayload;
import dev.hmr.plugin.HmrContext;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.plugin.HmrPluginException;
import dev.hmr.plugin.HmrServer;
import dev.hmr.serve.CodeFrame;
import dev.hmr.transform.ModuleUrls;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.FileChangeKind;

/**
 * Turns a {@link FileChangeEvent}, or a {@code vite:invalidate} from a browser, into one
 * payload: the plugins' {@code handleHotUpdate} hooks in order, then the graph's update
 * propagation, then one send. Orchestration only: the algorithms live in the graph.
 *
 * @since 0.1.0
 */
public class HmrEngine implements ApplicationListener<FileChangeEvent>, HmrServer {

	/** Vite's event for a module that asked to be invalidated. */
	public static final String VITE_INVALIDATE = "vite:invalidate";

	private static final Log logger = LogFactory.getLog(HmrEngine.class);

	/** Lines listing modules: their URLs are the ones browsers requested. */
	private static final int LONG_LINE = 2000;

	/** The most URLs an update names in {@code invalidates}. */
	private static final int MAX_REIMPORTED = 64;

	private final ModuleGraph graph;

	private final ServerHotChannel channel;

	private final HmrClock clock;

	private final List<HmrPlugin> plugins;

	private final List<Path> pageRoots;

	private final Log log;

	private @Nullable PageUpdates pageUpdates;

	private @Nullable UpdateHistory updateHistory;

	/**
	 * Create an engine and start listening to {@code vite:invalidate} on the channel.
	 * @param graph the module graph
	 * @param channel the channel to the browsers
	 * @param clock the HMR clock
	 * @param plugins the plugins, in order
	 * @param pageRoots the served roots: an HTML file changed there reloads the pages
	 * that show it; a file changed in any other root that no module uses (a server-side
	 * template) reloads every page
	 */
	public HmrEngine(ModuleGraph graph, ServerHotChannel channel, HmrClock clock, List<HmrPlugin> plugins,
			List<Path> pageRoots) {
		this(graph, channel, clock, plugins, pageRoots, logger);
	}

	HmrEngine(ModuleGraph graph, ServerHotChannel channel, HmrClock clock, List<HmrPlugin> plugins,
			List<Path> pageRoots, Log log) {
		Assert.notNull(graph, "'graph' must not be null");
		Assert.notNull(channel, "'channel' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		Assert.notNull(plugins, "'plugins' must not be null");
		Assert.notNull(pageRoots, "'pageRoots' must not be null");
		this.graph = graph;
		this.channel = channel;
		this.clock = clock;
		this.plugins = List.copyOf(plugins);
		this.pageRoots = pageRoots.stream().map((root) -> root.toAbsolutePath().normalize()).toList();
		this.log = log;
		channel.on(VITE_INVALIDATE, this::onInvalidate);
	}

	/**
	 * Update server-rendered pages in place after an edit of a page or template, for the
	 * browsers that can, instead of reloading every page.
	 * @param pageUpdates the page updates, or {@code null} to reload pages
	 */
	public void setPageUpdates(@Nullable PageUpdates pageUpdates) {
		this.pageUpdates = pageUpdates;
	}

	/**
	 * Record what each save led to, for the Actuator endpoint and the Micrometer timer.
	 * @param updateHistory the history, or {@code null} to record nothing
	 */
	public void setUpdateHistory(@Nullable UpdateHistory updateHistory) {
		this.updateHistory = updateHistory;
	}

	@Override
	public ServerHotChannel getHot() {
		return this.channel;
	}

	@Override
	public ModuleGraph getModuleGraph() {
		return this.graph;
	}

	@Override
	public void onApplicationEvent(FileChangeEvent event) {
		handle(event.getPath(), event.getRoot(), event.getKind(), event.getTimestamp());
	}

	/**
	 * Handle a change of a file under a watched root.
	 * @param file the file
	 * @param root the root it is under
	 * @param kind what happened to it
	 */
	public void handleFileChange(Path file, Path root, FileChangeKind kind) {
		handle(file, root, kind, System.currentTimeMillis());
	}

	private void handle(Path file, Path root, FileChangeKind kind, long savedAt) {
		long timestamp = this.clock.nextTimestamp();
		try {
			if (kind == FileChangeKind.DELETED) {
				this.graph.onFileDeleted(file);
			}
			else if (this.plugins.isEmpty()) {
				// no handleHotUpdate hook runs in between: one walk for both steps
				HmrUpdateResult result = this.graph.onFileChangeAndUpdateModules(file, timestamp);
				if (result != null) {
					HotPayload sent = send(result);
					if (sent != null) {
						recordSent(file, sent, savedAt);
					}
					return;
				}
			}
			else {
				this.graph.onFileChange(file, timestamp);
			}
			HmrContext context = new HmrContext(file, timestamp, List.copyOf(this.graph.getModulesByFile(file)), this);
			for (HmrPlugin plugin : this.plugins) {
				List<ModuleNode> result;
				try {
					result = plugin.handleHotUpdate(context);
				}
				catch (Exception ex) {
					this.log.error("Plugin " + plugin.getName() + " failed to handle the change of " + file, ex);
					this.channel.send(new ErrorPayload(error(ex, plugin.getName(), file)));
					recordSent(file, HotPayload.Type.ERROR.value(), List.of(), savedAt);
					return;
				}
				if (result != null) {
					if (result.isEmpty()) {
						this.log.debug("Plugin " + plugin.getName() + " handled the change of " + file);
						return;
					}
					context = context.withModules(result);
				}
			}
			if (context.getModules().isEmpty()) {
				FullReloadPayload reload = pageReload(file, root);
				if (reload != null) {
					int morphed = reloadPages(reload, file);
					recordSent(file, ((morphed > 0) ? HotPayload.Type.CUSTOM : HotPayload.Type.FULL_RELOAD).value(),
							List.of(), savedAt);
				}
				return;
			}
			HmrUpdateResult result = this.graph.updateModules(file, context.getModules(), timestamp, null);
			HotPayload sent = send(result);
			if (sent != null) {
				recordSent(file, sent, savedAt);
			}
		}
		catch (RuntimeException ex) {
			this.log.error("HMR failed for " + file, ex);
			this.channel.send(new ErrorPayload(error(ex, "hmr", file)));
			recordSent(file, HotPayload.Type.ERROR.value(), List.of(), savedAt);
		}
	}

	private void recordSent(Path file, String type, List<String> paths, long savedAt) {
		UpdateHistory history = this.updateHistory;
		if (history != null) {
			history.record(
					new UpdateHistory.RecordedUpdate(file, type, paths, Instant.ofEpochMilli(savedAt), Instant.now()));
		}
	}

	/** As above for a payload sent; its updated paths are listed only when recorded. */
	private void recordSent(Path file, HotPayload sent, long savedAt) {
		if (this.updateHistory != null) {
			recordSent(file, sent.type().value(), (sent instanceof UpdatePayload update)
					? update.updates().stream().map(Update::path).distinct().toList() : List.of(), savedAt);
		}
	}

	/**
	 * An error as Vite reports a plugin's or a step's failure: the message, the plugin,
	 * the file, and where ({@code loc}, with a code frame of the file) when a plugin's
	 * {@link HmrPluginException} says so; no Java stack for the overlay (the log keeps
	 * it, once).
	 */
	private static HotError error(Exception ex, String plugin, Path file) {
		String id = file.toString();
		if (ex instanceof HmrPluginException located) {
			String frame = null;
			try {
				frame = CodeFrame.around(Files.readString(file), located.getLine(), located.getColumn());
			}
			catch (IOException | RuntimeException unreadable) {
				// the file vanished or is not text: the error goes without a frame
			}
			return new HotError(message(ex), "", id, frame, plugin, null,
					new HotError.Location(id, located.getLine(), located.getColumn()), Map.of());
		}
		return new HotError(message(ex), "", id, null, plugin, null, null, Map.of());
	}

	private static String message(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
	}

	private @Nullable FullReloadPayload pageReload(Path file, Path root) {
		Path normalized = file.toAbsolutePath().normalize();
		for (Path pageRoot : this.pageRoots) {
			if (normalized.startsWith(pageRoot)) {
				String name = normalized.getFileName().toString().toLowerCase(Locale.ROOT);
				if (name.endsWith(".html") || name.endsWith(".htm")) {
					return FullReloadPayload.page("/" + slashes(pageRoot.relativize(normalized)));
				}
				return null;
			}
		}
		// A root that is watched but not served: server-side templates. Any page may use
		// it.
		return new FullReloadPayload("*", normalized.toString());
	}

	private void onInvalidate(@Nullable JsonNode data, HotChannelClient client) {
		String path = (data != null) ? data.path("path").stringValue(null) : null;
		if (path == null) {
			this.log.warn("Ignored vite:invalidate without a path from " + client.socket().id());
			return;
		}
		// a virtual module is known by its /@id/ URL
		if (path.startsWith("/@id/") && this.graph.getModuleByUrl(path) == null) {
			path = path.substring("/@id".length());
		}
		String firstInvalidatedBy = data.path("firstInvalidatedBy").stringValue(path);
		String message = data.path("message").stringValue(null);
		this.log.info("hmr invalidate " + LogSafe.of(path) + ((message != null) ? " " + LogSafe.of(message) : ""));
		try {
			send(this.graph.invalidate(path, firstInvalidatedBy));
		}
		catch (RuntimeException ex) {
			this.log.error("HMR failed for the invalidation of " + LogSafe.of(path), ex);
			this.channel.send(new ErrorPayload(new HotError(message(ex), "", path, null, "hmr", null, null, Map.of())));
		}
	}

	private @Nullable HotPayload send(HmrUpdateResult result) {
		// A switch expression over the result's type: a new kind of result does not
		// compile
		// until it is handled here
		HotPayload payload = switch (result.type()) {
			case UPDATES -> updatePayload((HmrUpdateResult.Updates) result);
			case FULL_RELOAD -> fullReloadPayload((HmrUpdateResult.FullReload) result);
			case NO_UPDATE -> {
				this.log.debug(LogSafe.of(((HmrUpdateResult.NoUpdate) result).reason(), LONG_LINE));
				yield null;
			}
		};
		if (payload != null) {
			this.channel.send(payload);
		}
		return payload;
	}

	private UpdatePayload updatePayload(HmrUpdateResult.Updates result) {
		List<Update> updates = result.boundaries()
			.stream()
			.map((boundary) -> toUpdate(boundary, result.timestamp(), result.firstInvalidatedBy()))
			.toList();
		if (this.log.isInfoEnabled()) {
			this.log.info("hmr update "
					+ LogSafe.of(String.join(", ", updates.stream().map(Update::path).distinct().toList()), LONG_LINE));
		}
		return new UpdatePayload(updates);
	}

	private FullReloadPayload fullReloadPayload(HmrUpdateResult.FullReload result) {
		this.log.info("page reload: " + LogSafe.of(result.reason(), LONG_LINE));
		Path trigger = result.triggeredBy();
		return new FullReloadPayload("*", (trigger != null) ? trigger.toString() : null);
	}

	private int reloadPages(FullReloadPayload payload, Path file) {
		PageUpdates updates = this.pageUpdates;
		int morphed = (updates != null) ? updates.send(payload, file) : sendReload(payload);
		this.log.info((morphed > 0) ? "page update " + file + " (" + morphed + " in place)" : "page reload " + file);
		return morphed;
	}

	private int sendReload(FullReloadPayload payload) {
		this.channel.send(payload);
		return 0;
	}

	/**
	 * One boundary's entry of the {@code update} payload. Only a JS boundary re-imports
	 * what it accepts, so only there can the accepted URL need {@code ?import}.
	 */
	private static Update toUpdate(PropagationBoundary boundary, long timestamp, @Nullable String firstInvalidatedBy) {
		ModuleNode module = boundary.boundary();
		String acceptedPath = boundary.acceptedVia().getUrl();
		Update.Type type = switch (module.getType()) {
			case JS -> Update.Type.JS_UPDATE;
			case CSS -> Update.Type.CSS_UPDATE;
			case ASSET -> throw new IllegalStateException(module + " is an asset and cannot accept updates");
		};
		boolean explicitImportRequired = type == Update.Type.JS_UPDATE
				&& ModuleUrls.isExplicitImportRequired(acceptedPath);
		List<String> invalidates = (type == Update.Type.JS_UPDATE) ? reimported(boundary.acceptedVia(), timestamp)
				: null;
		return new Update(type, timestamp, module.getUrl(), acceptedPath, explicitImportRequired,
				boundary.isWithinCircularImport(), firstInvalidatedBy, invalidates);
	}

	/**
	 * The URLs the browser will fetch anew once it re-imports an accepted module, as that
	 * module's importers write them: the modules it imports, directly or through others,
	 * that this update invalidated (their {@code ?t=} is the update's timestamp), nearest
	 * first, at most {@link #MAX_REIMPORTED}. Vite declares {@code invalidates} and
	 * leaves it empty; with it, this starter's client fetches them at once, in parallel,
	 * rather than one after the other as each module's imports are found (a chain of ten
	 * modules was ten round trips in a row). Vite's client ignores it.
	 */
	private static @Nullable List<String> reimported(ModuleNode accepted, long timestamp) {
		List<String> urls = new ArrayList<>();
		Set<ModuleNode> seen = new HashSet<>();
		seen.add(accepted);
		Deque<ModuleNode> next = new ArrayDeque<>();
		next.add(accepted);
		while (!next.isEmpty() && urls.size() < MAX_REIMPORTED) {
			ModuleNode module = next.poll();
			for (ModuleNode imported : module.getImportedModules()) {
				if (imported.getLastHmrTimestamp() != timestamp || imported.getType() == ModuleType.ASSET
						|| !seen.add(imported)) {
					continue;
				}
				String url = imported.getUrl();
				urls.add(ModuleUrls.importUrl(url, ModuleUrls.isExplicitImportRequired(url), timestamp));
				if (urls.size() == MAX_REIMPORTED) {
					break;
				}
				next.add(imported);
			}
		}
		return urls.isEmpty() ? null : urls;
	}

	private static String slashes(Path relative) {
		return relative.toString().replace('\\', '/');
	}

}
