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

import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.hmr.autoconfigure.HmrActuatorAutoConfiguration;
import dev.hmr.autoconfigure.HmrAutoConfiguration;
import dev.hmr.autoconfigure.HmrInactiveAutoConfiguration;
import dev.hmr.autoconfigure.HmrMetricsAutoConfiguration;
import dev.hmr.channel.InMemoryServerHotChannel;
import dev.hmr.channel.InertServerHotChannel;
import dev.hmr.engine.HmrEngine;
import dev.hmr.engine.UpdateHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrActuatorAutoConfiguration} and {@link HmrMetricsAutoConfiguration}:
 * with and without Actuator and Micrometer on the class path, HMR active and inactive.
 */
class HmrActuateAutoConfigurationTests {

	private static final AutoConfigurations HMR = AutoConfigurations.of(HmrAutoConfiguration.class,
			HmrInactiveAutoConfiguration.class, HmrActuatorAutoConfiguration.class, HmrMetricsAutoConfiguration.class);

	private static final AutoConfigurations ACTUATOR = AutoConfigurations.of(EndpointAutoConfiguration.class);

	private static final AutoConfigurations METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	@TempDir
	Path root;

	private WebApplicationContextRunner runner(AutoConfigurations... others) {
		WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(HMR)
			.withPropertyValues("hmr.watch.roots=" + this.root, "hmr.warm-up=false");
		for (AutoConfigurations other : others) {
			runner = runner.withConfiguration(other);
		}
		return runner;
	}

	@Test
	void theEndpointExistsOnceExposedWhileHmrIsActive() {
		runner(ACTUATOR).withPropertyValues("hmr.enabled=true", "management.endpoints.web.exposure.include=hmr")
			.run((context) -> assertThat(context).hasSingleBean(HmrEndpoint.class));
	}

	@Test
	void theEndpointIsNotExposedByDefault() {
		runner(ACTUATOR).withPropertyValues("hmr.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(HmrEngine.class).hasSingleBean(UpdateHistory.class);
			assertThat(context).doesNotHaveBean(HmrEndpoint.class);
		});
	}

	@Test
	void theEndpointCanBeAccessedOverJmxToo() {
		runner(ACTUATOR)
			.withPropertyValues("hmr.enabled=true", "spring.jmx.enabled=true",
					"management.endpoints.jmx.exposure.include=hmr")
			.run((context) -> assertThat(context).hasSingleBean(HmrEndpoint.class));
	}

	@Test
	void theEndpointIsAbsentWhileHmrIsInactive() {
		runner(ACTUATOR).withPropertyValues("hmr.enabled=false", "management.endpoints.web.exposure.include=hmr")
			.run((context) -> {
				assertThat(context).hasSingleBean(InertServerHotChannel.class);
				assertThat(context).doesNotHaveBean(HmrEndpoint.class).doesNotHaveBean(UpdateHistory.class);
			});
	}

	@Test
	void theEndpointIsAbsentWithoutActuator() {
		runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("hmr.enabled=true", "management.endpoints.web.exposure.include=hmr")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(HmrEngine.class);
				assertThat(context).doesNotHaveBean(HmrEndpoint.class);
			});
	}

	@Test
	void theMetersAreBoundToTheRegistryWhileHmrIsActive() {
		runner(METRICS).withPropertyValues("hmr.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(HmrMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(HmrMetrics.CLIENTS).gauge().value()).isZero();
			assertThat(registry.get(HmrMetrics.GRAPH_MODULES).gauge().value()).isZero();
			assertThat(registry.get(HmrMetrics.CLIENTS_DROPPED).functionCounter().count()).isZero();
			assertThat(registry.get(HmrMetrics.PAYLOADS_SENT).tag("type", "update").functionCounter().count()).isZero();
		});
	}

	@Test
	void aChannelOfTheApplicationsOwnGetsTheGaugesButNotTheChannelsCounters() {
		runner(METRICS, ACTUATOR).withBean(InMemoryServerHotChannel.class, InMemoryServerHotChannel::new)
			.withPropertyValues("hmr.enabled=true", "management.endpoints.web.exposure.include=hmr")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(HmrMetrics.CLIENTS).gauge().value()).isZero();
				assertThat(registry.find(HmrMetrics.PAYLOADS_SENT).meter()).isNull();
				assertThat(context.getBean(HmrEndpoint.class).hmr(null, null).clients()).isEmpty();
			});
	}

	@Test
	void noMetersWithoutARegistry() {
		runner().withPropertyValues("hmr.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(HmrEngine.class);
			assertThat(context).doesNotHaveBean(HmrMetrics.class);
		});
	}

	@Test
	void noMetersWithoutMicrometer() {
		runner().withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withPropertyValues("hmr.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(HmrEngine.class);
				assertThat(context).doesNotHaveBean(HmrMetrics.class);
			});
	}

	@Test
	void noMetersWhileHmrIsInactive() {
		runner(METRICS).withPropertyValues("hmr.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(MeterRegistry.class);
			assertThat(context).doesNotHaveBean(HmrMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).find(HmrMetrics.CLIENTS).meter()).isNull();
		});
	}

}
