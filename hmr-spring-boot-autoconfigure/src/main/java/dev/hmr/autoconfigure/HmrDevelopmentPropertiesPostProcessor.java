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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Defaults for other development tools while HMR is active, each only when the
 * application has not set the property itself: DevTools' LiveReload is turned off
 * ({@code spring.devtools.livereload.enabled=false}), since it reloads pages that HMR has
 * just updated in place (the IDE's copy of a stylesheet to the build output is a change
 * to LiveReload); jte's development mode is turned on ({@code gg.jte.development-mode}),
 * so that its templates are read and compiled from the source folder; Spring MVC's
 * {@code DispatcherServlet} starts with the application
 * ({@code spring.mvc.servlet.load-on-startup=1}), so that the first page asked for after
 * a start does not wait for it to initialize. Runs after the application's configuration
 * files are loaded; the defaults go last, below every other property source.
 */
final class HmrDevelopmentPropertiesPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "hmrDevelopmentDefaults";

	static final String LIVERELOAD_ENABLED = "spring.devtools.livereload.enabled";

	static final String JTE_DEVELOPMENT_MODE = "gg.jte.development-mode";

	static final String JTE_PRECOMPILED = "gg.jte.use-precompiled-templates";

	static final String LOAD_ON_STARTUP = "spring.mvc.servlet.load-on-startup";

	private static final String DEVTOOLS_CLASS = "org.springframework.boot.devtools.autoconfigure.DevToolsProperties";

	private static final String JTE_CLASS = "gg.jte.springframework.boot.autoconfigure.JteProperties";

	private final Log logger;

	HmrDevelopmentPropertiesPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(HmrDevelopmentPropertiesPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// after ConfigDataEnvironmentPostProcessor, so that application.properties counts
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		postProcessEnvironment(environment,
				(name) -> ClassUtils.isPresent(name, HmrDevelopmentPropertiesPostProcessor.class.getClassLoader()));
	}

	/**
	 * Add the defaults that apply.
	 * @param environment the environment
	 * @param classPresent whether a class is on the class path
	 */
	void postProcessEnvironment(ConfigurableEnvironment environment, Predicate<String> classPresent) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)
				|| !HmrEnablement.deduce(environment).active()) {
			return;
		}
		Binder binder = Binder.get(environment);
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (classPresent.test(DEVTOOLS_CLASS) && !isSet(binder, LIVERELOAD_ENABLED)) {
			defaults.put(LIVERELOAD_ENABLED, "false");
			this.logger.info("DevTools' LiveReload is off while HMR is active: HMR reloads or updates the pages "
					+ "itself (set " + LIVERELOAD_ENABLED + "=true to keep LiveReload)");
		}
		if (classPresent.test(JTE_CLASS) && !isSet(binder, JTE_DEVELOPMENT_MODE) && !isSet(binder, JTE_PRECOMPILED)) {
			defaults.put(JTE_DEVELOPMENT_MODE, "true");
			this.logger.debug("jte reads its templates from the source folder while HMR is active ("
					+ JTE_DEVELOPMENT_MODE + "=true)");
		}
		if (!isSet(binder, LOAD_ON_STARTUP)) {
			defaults.put(LOAD_ON_STARTUP, "1");
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
		}
	}

	private static boolean isSet(Binder binder, String name) {
		return binder.bind(name, String.class).isBound();
	}

}
