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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.hmr.actuate.HmrEndpoint;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.engine.UpdateHistory;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.watch.SourceRoots;
import dev.hmr.watch.SourceWatcher;

/**
 * Auto-configuration of the {@code hmr} Actuator endpoint, while HMR is active and
 * Actuator is on the class path. Like every endpoint, it is reachable once the
 * application exposes it ({@code management.endpoints.web.exposure.include=hmr}); in a
 * packaged application, where HMR is inactive, it does not exist.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HmrAutoConfiguration.class)
@ConditionalOnClass(
		name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
@ConditionalOnHmrEnabled
@ConditionalOnBean({ ServerHotChannel.class, SourceRoots.class, ModuleGraph.class, UpdateHistory.class })
public final class HmrActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	HmrEndpoint hmrEndpoint(ServerHotChannel serverHotChannel, SourceRoots hmrSourceRoots,
			ObjectProvider<SourceWatcher> hmrSourceWatcher, ModuleGraph moduleGraph, UpdateHistory hmrUpdateHistory) {
		return new HmrEndpoint(serverHotChannel, hmrSourceRoots, hmrSourceWatcher.getIfAvailable(), moduleGraph,
				hmrUpdateHistory);
	}

}
