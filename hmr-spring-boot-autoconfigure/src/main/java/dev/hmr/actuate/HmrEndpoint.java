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

package dev.hmr.actuate;

import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.Assert;

import dev.hmr.access.LogSafe;
import dev.hmr.channel.HotChannelActivity;
import dev.hmr.channel.HotChannelClient;
import dev.hmr.channel.HotChannelConnection;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.WebSocketServerHotChannel;
import dev.hmr.engine.UpdateHistory;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.graph.ModuleNode;
import dev.hmr.payload.HotError;
import dev.hmr.watch.SourceRoots;
import dev.hmr.watch.SourceWatcher;

/**
 * The {@code hmr} Actuator endpoint: the browsers connected, what is watched and how, the
 * module graph's size (and, for {@code ?url=} or {@code ?file=}, that module's edges),
 * the last updates and the last error. Never the HMR token. Strings that browsers
 * supplied (module URLs they requested, paths they invalidated, addresses) are
 * neutralised as for a log line.
 */
@Endpoint(id = "hmr")
public final class HmrEndpoint {

	/** Most entries of one list of a module's edges. */
	static final int MAX_LISTED = 100;

	/** Longest error message shown. */
	private static final int MAX_MESSAGE_LENGTH = 2000;

	private final ServerHotChannel channel;

	private final SourceRoots roots;

	private final @Nullable SourceWatcher watcher;

	private final ModuleGraph graph;

	private final UpdateHistory history;

	/**
	 * Create the endpoint.
	 * @param channel the channel to the browsers
	 * @param roots the source roots
	 * @param watcher the watcher of the roots, if any
	 * @param graph the module graph
	 * @param history the last updates
	 */
	public HmrEndpoint(ServerHotChannel channel, SourceRoots roots, @Nullable SourceWatcher watcher, ModuleGraph graph,
			UpdateHistory history) {
		Assert.notNull(channel, "'channel' must not be null");
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(graph, "'graph' must not be null");
		Assert.notNull(history, "'history' must not be null");
		this.channel = channel;
		this.roots = roots;
		this.watcher = watcher;
		this.graph = graph;
		this.history = history;
	}

	/**
	 * What the HMR server does now.
	 * @param url the URL of a module to show the edges of, such as {@code /js/app.js}
	 * @param file a file (absolute, or relative to a source root) to show the modules of
	 * @return the descriptor
	 */
	@ReadOperation
	public HmrDescriptor hmr(@Nullable String url, @Nullable String file) {
		WebSocketServerHotChannel webSocketChannel = (this.channel instanceof WebSocketServerHotChannel ours) ? ours
				: null;
		return new HmrDescriptor(clients(webSocketChannel), watcher(), graph(url, file), updates(),
				(webSocketChannel != null) ? lastError(webSocketChannel.activity()) : null);
	}

	private List<ClientDescriptor> clients(@Nullable WebSocketServerHotChannel webSocketChannel) {
		if (webSocketChannel != null) {
			return webSocketChannel.connections().stream().map(ClientDescriptor::of).toList();
		}
		Collection<HotChannelClient> clients = this.channel.clients();
		return clients.stream()
			.map((client) -> new ClientDescriptor(LogSafe.of(client.socket().id()),
					address(client.socket().remoteAddress()), null, null))
			.toList();
	}

	private WatcherDescriptor watcher() {
		SourceWatcher current = this.watcher;
		return new WatcherDescriptor((current != null) ? current.getNotifierName() : null,
				current != null && current.isRunning(), strings(this.roots.getRoots()),
				strings(this.roots.getTemplateRoots()));
	}

	private GraphDescriptor graph(@Nullable String url, @Nullable String file) {
		if (url == null && file == null) {
			return new GraphDescriptor(this.graph.size(), this.graph.getMaxModules(), null);
		}
		Set<ModuleNode> selected = new LinkedHashSet<>();
		if (url != null) {
			ModuleNode module = this.graph.getModuleByUrl(url);
			if (module != null) {
				selected.add(module);
			}
		}
		if (file != null) {
			for (Path candidate : candidates(file)) {
				selected.addAll(this.graph.getModulesByFile(candidate));
			}
		}
		return new GraphDescriptor(this.graph.size(), this.graph.getMaxModules(),
				selected.stream().map(ModuleDescriptor::of).toList());
	}

	private List<Path> candidates(String file) {
		Path path;
		try {
			path = Path.of(file);
		}
		catch (InvalidPathException ex) {
			throw new InvalidEndpointRequestException("'file' is not a path: " + LogSafe.quoted(file), "not a path");
		}
		if (path.isAbsolute()) {
			return List.of(path.normalize());
		}
		List<Path> candidates = new ArrayList<>();
		for (Path root : this.roots.getRoots()) {
			Path resolved = root.resolve(path).normalize();
			if (resolved.startsWith(root)) {
				candidates.add(resolved);
			}
		}
		return candidates;
	}

	private List<UpdateDescriptor> updates() {
		return this.history.updates().stream().map(UpdateDescriptor::of).toList();
	}

	private static @Nullable ErrorDescriptor lastError(HotChannelActivity activity) {
		HotChannelActivity.SentError sent = activity.lastError();
		if (sent == null) {
			return null;
		}
		HotError error = sent.error();
		HotError.Location loc = error.loc();
		return new ErrorDescriptor(LogSafe.of(error.message(), MAX_MESSAGE_LENGTH), safe(error.id()),
				safe(error.plugin()), (loc != null) ? safe(loc.file()) : null, (loc != null) ? loc.line() : null,
				(loc != null) ? loc.column() : null, sent.at());
	}

	private static @Nullable String address(@Nullable InetSocketAddress address) {
		if (address == null) {
			return null;
		}
		String host = address.getHostString();
		return LogSafe.of((host.indexOf(':') >= 0) ? "[" + host + "]" : host) + ":" + address.getPort();
	}

	private static @Nullable String safe(@Nullable String value) {
		return (value != null) ? LogSafe.of(value) : null;
	}

	private static List<String> strings(List<Path> paths) {
		return paths.stream().map(Path::toString).toList();
	}

	private static List<String> urls(Set<ModuleNode> modules) {
		return modules.stream().limit(MAX_LISTED).map((module) -> LogSafe.of(module.getUrl())).toList();
	}

	/**
	 * What the endpoint answers; written with Actuator's own JSON mapper, whatever the
	 * application's Jackson settings.
	 *
	 * @param clients the browsers connected
	 * @param watcher what is watched, and how
	 * @param graph the module graph
	 * @param updates the last updates, newest first
	 * @param lastError the last error sent to browsers, if any
	 */
	public record HmrDescriptor(List<ClientDescriptor> clients, WatcherDescriptor watcher, GraphDescriptor graph,
			List<UpdateDescriptor> updates, @Nullable ErrorDescriptor lastError) implements OperationResponseBody {

	}

	/**
	 * A browser connected to the HMR socket.
	 *
	 * @param id the id of its socket
	 * @param remoteAddress the address it connected from
	 * @param since when it connected, where the channel knows it
	 * @param queuedBytes what waits to be written to it, where the channel knows it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ClientDescriptor(String id, @Nullable String remoteAddress, @Nullable Instant since,
			@Nullable Long queuedBytes) {

		static ClientDescriptor of(HotChannelConnection connection) {
			return new ClientDescriptor(LogSafe.of(connection.id()), address(connection.remoteAddress()),
					connection.since(), connection.queuedBytes());
		}

	}

	/**
	 * The watcher of the source roots.
	 *
	 * @param notifier what tells it of changes ({@code inotify},
	 * {@code directory-watcher}, the JDK's {@code WatchService}), {@code null} while not
	 * watching
	 * @param running whether it watches
	 * @param roots the source roots, served or not, in order of precedence
	 * @param templateRoots the roots that are watched but not served
	 */
	public record WatcherDescriptor(@Nullable String notifier, boolean running, List<String> roots,
			List<String> templateRoots) {

	}

	/**
	 * The module graph.
	 *
	 * @param modules how many modules it holds
	 * @param maxModules the most it holds ({@code hmr.max-modules})
	 * @param selected the modules asked for with {@code url} or {@code file}; absent when
	 * none was asked for
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record GraphDescriptor(int modules, int maxModules, @Nullable List<ModuleDescriptor> selected) {

	}

	/**
	 * A module of the graph, with at most {@value HmrEndpoint#MAX_LISTED} URLs per list.
	 *
	 * @param url its URL
	 * @param file its file, if any
	 * @param type {@code js}, {@code css} or {@code asset}
	 * @param importers the modules that import it
	 * @param imports the modules it imports
	 * @param acceptedDeps the imports it accepts updates of
	 * @param selfAccepting whether it accepts its own updates
	 * @param lastHmrTimestamp the timestamp of its last update, {@code 0} if none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ModuleDescriptor(String url, @Nullable String file, String type, List<String> importers,
			List<String> imports, List<String> acceptedDeps, boolean selfAccepting, long lastHmrTimestamp) {

		static ModuleDescriptor of(ModuleNode module) {
			Path file = module.getFile();
			return new ModuleDescriptor(LogSafe.of(module.getUrl()), (file != null) ? file.toString() : null,
					module.getType().name().toLowerCase(Locale.ROOT), urls(module.getImporters()),
					urls(module.getImportedModules()), urls(module.getAcceptedHmrDeps()), module.isSelfAccepting(),
					module.getLastHmrTimestamp());
		}

	}

	/**
	 * What one save led to.
	 *
	 * @param file the file saved
	 * @param type the payload sent ({@code update}, {@code full-reload}, {@code error},
	 * {@code custom} for an in-place page update)
	 * @param paths the module paths updated, for an {@code update}
	 * @param savedAt when the watcher saw the save finish
	 * @param sentAt when the payload was handed to the channel
	 * @param latencyMillis the time from the save to the send, in milliseconds
	 */
	public record UpdateDescriptor(String file, String type, List<String> paths, Instant savedAt, Instant sentAt,
			double latencyMillis) {

		static UpdateDescriptor of(UpdateHistory.RecordedUpdate update) {
			return new UpdateDescriptor(update.file().toString(), update.type(),
					update.paths().stream().map(LogSafe::of).toList(), update.savedAt(), update.sentAt(),
					update.latency().toNanos() / 1_000_000.0);
		}

	}

	/**
	 * The last error sent to browsers.
	 *
	 * @param message its message
	 * @param id the file or module it is about, if known
	 * @param plugin the plugin or step that failed, if known
	 * @param file the file of its location, if known
	 * @param line the line of its location, if known
	 * @param column the column of its location, if known
	 * @param at when it was sent
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ErrorDescriptor(String message, @Nullable String id, @Nullable String plugin, @Nullable String file,
			@Nullable Integer line, @Nullable Integer column, Instant at) {

	}

}
