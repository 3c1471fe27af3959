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
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.Assert;

import dev.hmr.watch.SourceRoots;

/**
 * Makes Thymeleaf read templates from the watched {@code templates} source folder,
 * uncached, instead of from the build output: a saved template is what the next request
 * renders, and the {@code full-reload} the change sends shows it. Only a resolver with
 * Spring Boot's default prefix ({@code classpath:/templates/}) is changed; a prefix the
 * application chose is left alone. Registered only while HMR is active, never in
 * production.
 */
final class HmrThymeleafTemplatesPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(HmrThymeleafTemplatesPostProcessor.class);

	private static final Set<String> DEFAULT_PREFIXES = Set.of("classpath:/templates/", "classpath:templates/");

	private final ObjectProvider<SourceRoots> roots;

	HmrThymeleafTemplatesPostProcessor(ObjectProvider<SourceRoots> roots) {
		Assert.notNull(roots, "'roots' must not be null");
		this.roots = roots;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringResourceTemplateResolver resolver && resolver.getPrefix() != null
				&& DEFAULT_PREFIXES.contains(resolver.getPrefix())) {
			SourceRoots sourceRoots = this.roots.getIfAvailable();
			List<Path> templateRoots = (sourceRoots != null) ? sourceRoots.getTemplateRoots() : List.of();
			Path templates = (!templateRoots.isEmpty()) ? templateRoots.get(0) : null;
			if (templates != null) {
				String prefix = templates.toAbsolutePath().normalize().toUri().toString();
				resolver.setPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
				resolver.setCacheable(false);
				if (logger.isDebugEnabled()) {
					logger.debug("Thymeleaf templates are read from " + templates + " for HMR, uncached");
				}
			}
		}
		return bean;
	}

}
