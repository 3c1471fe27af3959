package dev.hmr.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of hot module replacement ({@code hmr.*}).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("hmr")
public class HmrProperties {

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
	 * Interval of the browser's keep-alive pings on the HMR socket.
	 */
	private Duration timeout = Duration.ofSeconds(30);

	/**
	 * Whether browsers show an error overlay for server errors.
	 */
	private boolean overlay = true;

	/**
	 * Host names, besides localhost, *.localhost and IP literals, that may open the HMR
	 * socket (DNS-rebinding defence). An entry starting with '.' allows that domain and
	 * its subdomains.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/**
	 * Time a send to one browser may take before that browser is disconnected.
	 */
	private Duration sendTimeLimit = Duration.ofSeconds(5);

	/**
	 * Amount of unsent data buffered for one browser before it is disconnected.
	 */
	private DataSize sendBufferSizeLimit = DataSize.ofKilobytes(512);

	private final Watch watch = new Watch();

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

	public Watch getWatch() {
		return this.watch;
	}

	/**
	 * The protocols of the HMR socket.
	 */
	public enum Protocol {

		/** Plain WebSocket. */
		WS,

		/** WebSocket over TLS. */
		WSS

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
		 * Glob patterns (relative to a root) of files to ignore, besides editors' swap and
		 * backup files, .git and node_modules.
		 */
		private List<String> exclude = new ArrayList<>();

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
