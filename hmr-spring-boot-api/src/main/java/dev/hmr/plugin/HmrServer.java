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
