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

package dev.hmr.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.hmr.graph.ModuleGraph;

/**
 * Configuration of hot module replacement ({@code hmr.*}). Binding validates it (it is
 * its own {@link Validator}, so that no Bean Validation provider is needed): an invalid
 * value fails start-up with a message naming the property.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("hmr")
public class HmrProperties implements Validator {

	/**
	 * Default path of the HMR WebSocket endpoint.
	 */
	public static final String DEFAULT_PATH = "/@hmr";

	/**
	 * Whether HMR is on. Unset: on when the application runs from a build's classes, off
	 * when it runs from a packaged jar or under a test runner.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Port of a dedicated listener for the HMR WebSocket (Vite's conventional value is
	 * 24678). Unset: the socket uses the application's own port.
	 */
	private @Nullable Integer port;

	/**
	 * Host name the browser connects the HMR socket to. Unset: the page's own host.
	 */
	private @Nullable String host;

	/**
	 * Port the browser connects the HMR socket to, when it differs from the port the
	 * server listens on (a reverse proxy or a container's port mapping). Unset: 'port',
	 * else the page's own port.
	 */
	private @Nullable Integer clientPort;

	/**
	 * Path of the HMR WebSocket endpoint.
	 */
	private String path = DEFAULT_PATH;

	/**
	 * Protocol the browser uses for the HMR socket. Unset: wss on https pages, ws
	 * otherwise.
	 */
	private @Nullable Protocol protocol;

	/**
	 * Interval of the browser's keep-alive pings on the HMR socket: not a time limit,
	 * despite Vite's name for it.
	 */
	private Duration timeout = Duration.ofSeconds(30);

	/**
	 * Whether browsers show an error overlay for server errors.
	 */
	private boolean overlay = true;

	/**
	 * Whether to warm up at start-up, in the background: request the client once over
	 * loopback and transform a scratch module, so that a first page does not wait for the
	 * serving code to load, then, while no request comes, send about 1,200 loopback
	 * requests for scratch modules served at /@hmr-warm-up/ (removed afterwards) and run
	 * the code a save goes through on a scratch module graph, so that the JIT has
	 * compiled both before the first page and the first save.
	 */
	private boolean warmUp = true;

	/**
	 * Whether to keep each served module as transformed, with its ETag, until a watched
	 * file changes or a module it imports is hot-updated, so that a request for an
	 * unchanged module, and a revalidation answered 304, reads and transforms nothing.
	 */
	private boolean transformCache = true;

	/**
	 * Whether a module kept by the transform cache is answered by a servlet filter, last
	 * of the filters (after the application's security filters), instead of through
	 * Spring MVC's resource handler.
	 */
	private boolean transformCacheFilter = true;

	/**
	 * Host names, besides localhost, *.localhost and IP literals, that may open the HMR
	 * socket (DNS-rebinding defence). An entry starting with '.' allows that domain and
	 * its subdomains.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/**
	 * Remote addresses, besides this machine's loopback ones, whose requests the HMR
	 * socket, the client and the served sources answer: IP addresses, CIDR ranges such as
	 * 192.168.1.0/24, or '*' for any (a dev container, a phone on the LAN).
	 */
	private List<String> allowedRemoteAddresses = new ArrayList<>();

	/**
	 * Time a send to one browser may take before that browser is disconnected.
	 */
	private Duration sendTimeLimit = Duration.ofSeconds(5);

	/**
	 * Amount of unsent data buffered for one browser before it is disconnected.
	 */
	private DataSize sendBufferSizeLimit = DataSize.ofKilobytes(512);

	/**
	 * Most modules the module graph records; past it, further URLs are served without HMR
	 * and one line is logged.
	 */
	private int maxModules = ModuleGraph.DEFAULT_MAX_MODULES;

	/**
	 * Largest message a browser may send on the HMR socket; a larger one is ignored and
	 * logged, and the socket stays open.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(1);

	private final Watch watch = new Watch();

	private final Fs fs = new Fs();

	private final Jsx jsx = new Jsx();

	private final PreactRefresh preactRefresh = new PreactRefresh();

	private final ImportMap importMap = new ImportMap();

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Integer getPort() {
		return this.port;
	}

	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public @Nullable Integer getClientPort() {
		return this.clientPort;
	}

	public void setClientPort(@Nullable Integer clientPort) {
		this.clientPort = clientPort;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public @Nullable Protocol getProtocol() {
		return this.protocol;
	}

	public void setProtocol(@Nullable Protocol protocol) {
		this.protocol = protocol;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public boolean isWarmUp() {
		return this.warmUp;
	}

	public void setWarmUp(boolean warmUp) {
		this.warmUp = warmUp;
	}

	public boolean isTransformCache() {
		return this.transformCache;
	}

	public void setTransformCache(boolean transformCache) {
		this.transformCache = transformCache;
	}

	public boolean isTransformCacheFilter() {
		return this.transformCacheFilter;
	}

	public void setTransformCacheFilter(boolean transformCacheFilter) {
		this.transformCacheFilter = transformCacheFilter;
	}

	public boolean isOverlay() {
		return this.overlay;
	}

	public void setOverlay(boolean overlay) {
		this.overlay = overlay;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

	public List<String> getAllowedRemoteAddresses() {
		return this.allowedRemoteAddresses;
	}

	public void setAllowedRemoteAddresses(List<String> allowedRemoteAddresses) {
		this.allowedRemoteAddresses = allowedRemoteAddresses;
	}

	public Duration getSendTimeLimit() {
		return this.sendTimeLimit;
	}

	public void setSendTimeLimit(Duration sendTimeLimit) {
		this.sendTimeLimit = sendTimeLimit;
	}

	public DataSize getSendBufferSizeLimit() {
		return this.sendBufferSizeLimit;
	}

	public void setSendBufferSizeLimit(DataSize sendBufferSizeLimit) {
		this.sendBufferSizeLimit = sendBufferSizeLimit;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public int getMaxModules() {
		return this.maxModules;
	}

	public void setMaxModules(int maxModules) {
		this.maxModules = maxModules;
	}

	public Watch getWatch() {
		return this.watch;
	}

	public Fs getFs() {
		return this.fs;
	}

	public Jsx getJsx() {
		return this.jsx;
	}

	public PreactRefresh getPreactRefresh() {
		return this.preactRefresh;
	}

	public ImportMap getImportMap() {
		return this.importMap;
	}

	@Override
	public boolean supports(Class<?> type) {
		return HmrProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		HmrProperties properties = (HmrProperties) target;
		validatePort(errors, "port", properties.getPort());
		validatePort(errors, "clientPort", properties.getClientPort());
		String path = properties.getPath();
		if (path == null || !path.startsWith("/")) {
			reject(errors, "path", "must start with '/'");
		}
		else if (!path.chars().allMatch(HmrProperties::isPathCharacter)) {
			reject(errors, "path", "must be a plain path, without spaces, '?', '#', '*' or '{'");
		}
		String host = properties.getHost();
		if (host != null && (host.isBlank() || host.contains("/") || host.contains(" "))) {
			reject(errors, "host", "must be a host name, not a URL");
		}
		validatePositive(errors, "timeout", properties.getTimeout());
		validatePositive(errors, "sendTimeLimit", properties.getSendTimeLimit());
		if (properties.getSendTimeLimit() != null && properties.getSendTimeLimit().toMillis() > Integer.MAX_VALUE) {
			reject(errors, "sendTimeLimit", "must be at most " + Integer.MAX_VALUE + "ms");
		}
		DataSize sendBufferSizeLimit = properties.getSendBufferSizeLimit();
		if (sendBufferSizeLimit == null || sendBufferSizeLimit.toBytes() <= 0
				|| sendBufferSizeLimit.toBytes() > Integer.MAX_VALUE) {
			reject(errors, "sendBufferSizeLimit", "must be between 1B and " + Integer.MAX_VALUE + "B");
		}
		List<String> deny = properties.getFs().getDeny();
		if (deny == null || deny.stream().anyMatch((entry) -> entry == null || entry.isBlank())) {
			errors.rejectValue("fs.deny", "hmr.invalid", "hmr.fs.deny must not contain empty patterns");
		}
		DataSize maxMessageSize = properties.getMaxMessageSize();
		if (maxMessageSize == null || maxMessageSize.toBytes() <= 0 || maxMessageSize.toBytes() > Integer.MAX_VALUE) {
			reject(errors, "maxMessageSize", "must be between 1B and " + Integer.MAX_VALUE + "B");
		}
		if (properties.getMaxModules() < 1) {
			reject(errors, "maxModules", "must be at least 1");
		}
		List<String> allowedHosts = properties.getAllowedHosts();
		if (allowedHosts != null && allowedHosts.stream().anyMatch((entry) -> entry == null || entry.isBlank())) {
			reject(errors, "allowedHosts", "must not contain empty entries");
		}
		Jsx jsx = properties.getJsx();
		validateText(errors, "jsx.importSource", "hmr.jsx.import-source", jsx.getImportSource());
		validateText(errors, "jsx.factory", "hmr.jsx.factory", jsx.getFactory());
		validateText(errors, "jsx.fragment", "hmr.jsx.fragment", jsx.getFragment());
		if (jsx.getRuntime() == null) {
			errors.rejectValue("jsx.runtime", "hmr.invalid", "hmr.jsx.runtime must be automatic or classic");
		}
	}

	private static void validateText(Errors errors, String field, String property, @Nullable String value) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "hmr.invalid", property + " must not be empty");
		}
	}

	private static void validatePort(Errors errors, String field, @Nullable Integer port) {
		if (port != null && (port < 1 || port > 65535)) {
			reject(errors, field, "must be between 1 and 65535");
		}
	}

	private static void validatePositive(Errors errors, String field, @Nullable Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			reject(errors, field, "must be positive");
		}
	}

	private static void reject(Errors errors, String field, String reason) {
		String property = "hmr." + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
		errors.rejectValue(field, "hmr.invalid", property + " " + reason);
	}

	private static boolean isPathCharacter(int character) {
		return character > ' ' && character != '?' && character != '#' && character != '*' && character != '{'
				&& character != '}' && character != 0x7f;
	}

	/**
	 * The protocols of the HMR socket.
	 */
	public enum Protocol {

		/** Plain WebSocket. */
		WS,

		/** WebSocket over TLS. */
		WSS;

		/**
		 * The URL scheme of the protocol.
		 * @return {@code ws} or {@code wss}
		 */
		public String scheme() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * How JSX is compiled in .jsx and .tsx modules (tsconfig's jsx, jsxImportSource,
	 * jsxFactory and jsxFragmentFactory). A file's own pragma comments win.
	 */
	public static class Jsx {

		/**
		 * JSX runtime: 'automatic' imports the runtime from the import source's
		 * jsx-dev-runtime, 'classic' calls the factory.
		 */
		private JsxRuntime runtime = JsxRuntime.AUTOMATIC;

		/**
		 * Package the automatic runtime is imported from (tsconfig's jsxImportSource).
		 */
		private String importSource = "preact";

		/**
		 * Function the classic runtime calls for an element.
		 */
		private String factory = "h";

		/**
		 * Function or object the classic runtime uses for a fragment.
		 */
		private String fragment = "Fragment";

		/**
		 * Whether .js modules may contain JSX too (each one is then compiled before it is
		 * served).
		 */
		private boolean inJs;

		public JsxRuntime getRuntime() {
			return this.runtime;
		}

		public void setRuntime(JsxRuntime runtime) {
			this.runtime = runtime;
		}

		public String getImportSource() {
			return this.importSource;
		}

		public void setImportSource(String importSource) {
			this.importSource = importSource;
		}

		public String getFactory() {
			return this.factory;
		}

		public void setFactory(String factory) {
			this.factory = factory;
		}

		public String getFragment() {
			return this.fragment;
		}

		public void setFragment(String fragment) {
			this.fragment = fragment;
		}

		public boolean isInJs() {
			return this.inJs;
		}

		public void setInJs(boolean inJs) {
			this.inJs = inJs;
		}

	}

	/**
	 * Component refresh for Preact, as {@code @prefresh/vite} does it.
	 */
	public static class PreactRefresh {

		/**
		 * Whether components in .jsx and .tsx modules whose JSX import source is Preact
		 * are refreshed in place, keeping their hook state, when their module is edited.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The JSX runtimes.
	 */
	public enum JsxRuntime {

		/** React 17's runtime: the import source's jsx-dev-runtime is imported. */
		AUTOMATIC,

		/** The factory and fragment are called, and must be in scope. */
		CLASSIC

	}

	/**
	 * The import map injected into pages, so that bare imports resolve from WebJars.
	 */
	public static class ImportMap {

		/**
		 * Whether pages get an import map generated from the package.json of the
		 * org.webjars.npm and mvnpm artifacts on the class path, and whether a served
		 * module's bare import that no import map names answers 500 with an error
		 * overlay.
		 */
		private boolean enabled = true;

		/**
		 * Entries of the generated import map, bare specifier (or prefix ending with '/')
		 * to URL, which win over those generated; a page's own import map wins over both.
		 */
		private Map<String, String> imports = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, String> getImports() {
			return this.imports;
		}

		public void setImports(Map<String, String> imports) {
			this.imports = imports;
		}

	}

	/**
	 * Which files of the served roots are never served.
	 */
	public static class Fs {

		/**
		 * Glob patterns of files never served in development, whatever root or static
		 * location holds them (Vite's server.fs.deny), compared without case; a pattern
		 * without '/' matches a file name in any folder. Setting it replaces the
		 * defaults.
		 */
		private List<String> deny = new ArrayList<>(List.of(".env", ".env.*", "*.{crt,pem}", "**/.git/**"));

		public List<String> getDeny() {
			return this.deny;
		}

		public void setDeny(List<String> deny) {
			this.deny = deny;
		}

	}

	/**
	 * Which source folders are watched and served.
	 */
	public static class Watch {

		/**
		 * Source roots to watch and serve, in order of precedence. Unset: the project's
		 * src/main/resources/static, public, resources, META-INF/resources and templates
		 * folders that exist.
		 */
		private List<Path> roots = new ArrayList<>();

		/**
		 * Glob patterns (relative to a root) of files to watch; empty means all.
		 */
		private List<String> include = new ArrayList<>();

		/**
		 * Glob patterns (relative to a root) of files to ignore, besides editors' swap
		 * and backup files, .git and node_modules.
		 */
		private List<String> exclude = new ArrayList<>();

		/**
		 * Whether to read Linux's inotify directly, which tells when an editor has
		 * finished writing a file, so that a save is published at once. When false, or
		 * elsewhere than on Linux, the JDK's WatchService (FSEvents on macOS) is used and
		 * every change waits 1 ms for its file to be quiet.
		 */
		private boolean inotify = true;

		/**
		 * Interval at which to also scan the roots for files of another size or
		 * modification time, for folders mounted from elsewhere (a dev container's bind
		 * mount, a network share) whose changes the file system never notifies. Unset,
		 * nothing is polled.
		 */
		private @Nullable Duration pollInterval;

		public @Nullable Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(@Nullable Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public boolean isInotify() {
			return this.inotify;
		}

		public void setInotify(boolean inotify) {
			this.inotify = inotify;
		}

		public List<Path> getRoots() {
			return this.roots;
		}

		public void setRoots(List<Path> roots) {
			this.roots = roots;
		}

		public List<String> getInclude() {
			return this.include;
		}

		public void setInclude(List<String> include) {
			this.include = include;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

	}

}
