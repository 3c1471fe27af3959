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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.hmr.actuate.HmrMetrics;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.engine.UpdateHistory;
import dev.hmr.graph.ModuleGraph;

/**
 * Auto-configuration of the {@code hmr.*} Micrometer meters, while HMR is active and the
 * application has a {@code MeterRegistry}: Spring Boot binds the {@link HmrMetrics} to
 * it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HmrAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnHmrEnabled
@ConditionalOnBean(value = { ServerHotChannel.class, ModuleGraph.class, UpdateHistory.class },
		type = "io.micrometer.core.instrument.MeterRegistry")
public final class HmrMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HmrMetrics hmrMetrics(ServerHotChannel serverHotChannel, ModuleGraph moduleGraph, UpdateHistory hmrUpdateHistory) {
		return new HmrMetrics(serverHotChannel, moduleGraph, hmrUpdateHistory);
	}

}
