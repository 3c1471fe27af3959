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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.mustache.autoconfigure.MustacheResourceTemplateLoader;
import org.springframework.boot.mustache.servlet.view.MustacheViewResolver;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.Assert;

import dev.hmr.watch.SourceRoots;

/**
 * Makes Spring Boot's Mustache views and partials read templates from the source folder
 * of {@code spring.mustache.prefix} ({@code classpath:} locations mapped as for
 * Thymeleaf). Mustache views read their template on every render (with Boot's default
 * {@code spring.mustache.servlet.cache=false}), so the reload after a save shows it.
 * Registered only while HMR is active.
 */
final class HmrMustacheTemplatesPostProcessor implements BeanPostProcessor, EnvironmentAware {

	private static final Log logger = LogFactory.getLog(HmrMustacheTemplatesPostProcessor.class);

	private final ObjectProvider<SourceRoots> roots;

	private Environment environment = new StandardEnvironment();

	HmrMustacheTemplatesPostProcessor(ObjectProvider<SourceRoots> roots) {
		Assert.notNull(roots, "'roots' must not be null");
		this.roots = roots;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof MustacheResourceTemplateLoader) {
			String prefix = sourcePrefix();
			if (prefix != null) {
				MustacheResourceTemplateLoader loader = new MustacheResourceTemplateLoader(prefix,
						this.environment.getProperty("spring.mustache.suffix", ".mustache"));
				loader.setCharset(this.environment.getProperty("spring.mustache.charset", "UTF-8"));
				if (logger.isDebugEnabled()) {
					logger.debug("Mustache templates are read from " + prefix + " for HMR");
				}
				return loader;
			}
		}
		else if (bean instanceof MustacheViewResolver resolver) {
			String prefix = sourcePrefix();
			if (prefix != null) {
				resolver.setPrefix(prefix);
			}
		}
		return bean;
	}

	private @Nullable String sourcePrefix() {
		SourceRoots sourceRoots = this.roots.getIfAvailable();
		String prefix = this.environment.getProperty("spring.mustache.prefix", "classpath:/templates/");
		Path folder = (sourceRoots != null) ? HmrThymeleafTemplatesPostProcessor
			.sourceFolder(prefix.endsWith("/") ? prefix : prefix + "/", sourceRoots) : null;
		return (folder != null) ? folder.toUri().toString() : null;
	}

}
