package dev.hmr.plugin;

import dev.hmr.channel.ServerHotChannel;
import dev.hmr.graph.ModuleGraph;

/**
 * What a plugin can reach of the running HMR server (Vite's {@code ViteDevServer}, the
 * parts that matter to HMR). Settings are not here: a plugin is a bean and can inject
 * {@code HmrProperties} like any other.
 *
 * @since 0.1.0
 */
public interface HmrServer {

	/**
	 * The channel to every browser (Vite's {@code server.ws} / {@code server.hot}).
	 * @return the channel
	 */
	ServerHotChannel getHot();

	/**
	 * The module graph.
	 * @return the graph
	 */
	ModuleGraph getModuleGraph();

}
