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

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.Assert;

import dev.hmr.serve.RenderedPages;

/**
 * Records, per rendered page, which Thymeleaf templates its render read: the view, the
 * fragments it inserts and the layouts that decorate it all go through the engine's
 * template resolvers, which this wraps before the engine starts. A template resolved from
 * a file (the source folder HMR reads templates from) is recorded as that file; one
 * resolved from elsewhere makes the page count as using every template. Thymeleaf asks
 * its resolvers only on a cache miss, which is every time for the uncached source folder;
 * a page whose templates came from a cache records nothing, and also counts as using
 * every template. Registered only while HMR is active.
 */
final class HmrThymeleafPagesPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<RenderedPages> pages;

	HmrThymeleafPagesPostProcessor(ObjectProvider<RenderedPages> pages) {
		Assert.notNull(pages, "'pages' must not be null");
		this.pages = pages;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof TemplateEngine engine && !engine.isInitialized()) {
			RenderedPages renderedPages = this.pages.getIfAvailable();
			if (renderedPages != null) {
				Set<ITemplateResolver> wrapped = new LinkedHashSet<>();
				for (ITemplateResolver resolver : engine.getTemplateResolvers()) {
					wrapped.add((resolver instanceof RecordingTemplateResolver) ? resolver
							: new RecordingTemplateResolver(resolver, renderedPages));
				}
				engine.setTemplateResolvers(wrapped);
			}
		}
		return bean;
	}

	/**
	 * A resolver that tells the page being rendered which template it resolved.
	 */
	static final class RecordingTemplateResolver implements ITemplateResolver {

		private final ITemplateResolver delegate;

		private final RenderedPages pages;

		RecordingTemplateResolver(ITemplateResolver delegate, RenderedPages pages) {
			this.delegate = delegate;
			this.pages = pages;
		}

		@Override
		public String getName() {
			return this.delegate.getName();
		}

		@Override
		public Integer getOrder() {
			return this.delegate.getOrder();
		}

		@Override
		public @Nullable TemplateResolution resolveTemplate(IEngineConfiguration configuration,
				@Nullable String ownerTemplate, String template,
				@Nullable Map<String, Object> templateResolutionAttributes) {
			TemplateResolution resolution = this.delegate.resolveTemplate(configuration, ownerTemplate, template,
					templateResolutionAttributes);
			if (resolution != null) {
				Path file = file(template);
				if (file != null) {
					this.pages.recordUse(RenderedPages.fileKey(file));
				}
				else {
					this.pages.recordUnknownUse();
				}
			}
			return resolution;
		}

		/**
		 * The file a template name stands for, as Thymeleaf computes a resource name
		 * (alias, prefix, the suffix unless the name has an extension of its own).
		 */
		private @Nullable Path file(String template) {
			if (!(this.delegate instanceof AbstractConfigurableTemplateResolver configurable)) {
				return null;
			}
			String prefix = configurable.getPrefix();
			if (prefix == null || !prefix.startsWith("file:")) {
				return null;
			}
			String name = configurable.getTemplateAliases().getOrDefault(template, template);
			String suffix = configurable.getSuffix();
			String last = name.substring(name.lastIndexOf('/') + 1);
			boolean applySuffix = suffix != null && !suffix.isEmpty()
					&& (configurable.getForceSuffix() || !last.contains("."));
			try {
				return Path.of(URI.create(prefix + name + (applySuffix ? suffix : "")));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		@Override
		public String toString() {
			return "Recording " + this.delegate;
		}

	}

}
