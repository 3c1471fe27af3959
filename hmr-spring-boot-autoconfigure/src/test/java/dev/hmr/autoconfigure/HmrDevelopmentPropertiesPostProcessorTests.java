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

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While HMR is active, DevTools' LiveReload is off, jte reads from the sources and the
 * DispatcherServlet starts with the application, unless the application set the property
 * itself (issue #10).
 */
@ExtendWith(OutputCaptureExtension.class)
class HmrDevelopmentPropertiesPostProcessorTests {

	private static final String LIVERELOAD = HmrDevelopmentPropertiesPostProcessor.LIVERELOAD_ENABLED;

	private static final String LOG_LINE = "DevTools' LiveReload is off while HMR is active";

	private final HmrDevelopmentPropertiesPostProcessor postProcessor = new HmrDevelopmentPropertiesPostProcessor(
			(DeferredLogFactory) (destination) -> destination.get());

	@Test
	void anApplicationWithDevToolsRunsWithLiveReloadOffAndSaysSoOnce(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("hmr.enabled=true")) {
			assertThat(context.getEnvironment().getProperty(LIVERELOAD, Boolean.class)).isFalse();
		}
		assertThat(output.getAll().split(LOG_LINE, -1)).hasSize(2);
	}

	@Test
	void liveReloadStaysOnWhenTheApplicationTurnedItOn(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("hmr.enabled=true", LIVERELOAD + "=true")) {
			assertThat(context.getEnvironment().getProperty(LIVERELOAD, Boolean.class)).isTrue();
		}
		assertThat(output.getAll()).doesNotContain(LOG_LINE);
	}

	@Test
	void liveReloadIsLeftAloneWhileHmrIsInactive(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("hmr.enabled=false")) {
			assertThat(context.getEnvironment().getProperty(LIVERELOAD)).isNull();
		}
		assertThat(output.getAll()).doesNotContain(LOG_LINE);
	}

	@Test
	void nothingIsSetWithoutDevTools() {
		MockEnvironment environment = new MockEnvironment().withProperty("hmr.enabled", "true");
		this.postProcessor.postProcessEnvironment(environment, (name) -> false);
		assertThat(environment.getProperty(LIVERELOAD)).isNull();
		assertThat(environment.getProperty(HmrDevelopmentPropertiesPostProcessor.JTE_DEVELOPMENT_MODE)).isNull();
	}

	@Test
	void jteRunsInDevelopmentModeUnlessTheApplicationChoseAMode() {
		Set<String> jte = Set.of("gg.jte.springframework.boot.autoconfigure.JteProperties");
		MockEnvironment defaults = new MockEnvironment().withProperty("hmr.enabled", "true");
		this.postProcessor.postProcessEnvironment(defaults, jte::contains);
		assertThat(defaults.getProperty(HmrDevelopmentPropertiesPostProcessor.JTE_DEVELOPMENT_MODE)).isEqualTo("true");
		MockEnvironment precompiled = new MockEnvironment().withProperty("hmr.enabled", "true")
			.withProperty("gg.jte.usePrecompiledTemplates", "true");
		this.postProcessor.postProcessEnvironment(precompiled, jte::contains);
		assertThat(precompiled.getProperty(HmrDevelopmentPropertiesPostProcessor.JTE_DEVELOPMENT_MODE)).isNull();
	}

	@Test
	void dispatcherServletStartsWithTheApplicationUnlessTheApplicationChoseOtherwise() {
		String loadOnStartup = HmrDevelopmentPropertiesPostProcessor.LOAD_ON_STARTUP;
		MockEnvironment defaults = new MockEnvironment().withProperty("hmr.enabled", "true");
		this.postProcessor.postProcessEnvironment(defaults, (name) -> false);
		assertThat(defaults.getProperty(loadOnStartup)).isEqualTo("1");
		MockEnvironment chosen = new MockEnvironment().withProperty("hmr.enabled", "true")
			.withProperty("spring.mvc.servlet.loadOnStartup", "-1");
		this.postProcessor.postProcessEnvironment(chosen, (name) -> false);
		assertThat(chosen.getProperty(loadOnStartup)).isNull();
		assertThat(chosen.getProperty("spring.mvc.servlet.loadOnStartup")).isEqualTo("-1");
		MockEnvironment inactive = new MockEnvironment().withProperty("hmr.enabled", "false");
		this.postProcessor.postProcessEnvironment(inactive, (name) -> false);
		assertThat(inactive.getProperty(loadOnStartup)).isNull();
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(EmptyApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration
	static class EmptyApplication {

	}

}
