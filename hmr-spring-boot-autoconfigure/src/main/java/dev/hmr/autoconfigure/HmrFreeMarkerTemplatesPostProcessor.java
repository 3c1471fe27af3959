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

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import freemarker.cache.TemplateLoader;
import freemarker.template.TemplateExceptionHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.Assert;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

import dev.hmr.serve.RenderedPages;
import dev.hmr.watch.SourceRoots;

/**
 * Makes Spring Boot's FreeMarker configuration ({@code freeMarkerConfigurer}) read
 * templates from the source folders of its {@code spring.freemarker.template-loader-path}
 * ({@code classpath:} locations mapped as for Thymeleaf), and check them on every use
 * (template update delay 0), so that the reload after a save shows the new template.
 * Registered only while HMR is active.
 */
final class HmrFreeMarkerTemplatesPostProcessor implements BeanPostProcessor, EnvironmentAware {

	private static final Log logger = LogFactory.getLog(HmrFreeMarkerTemplatesPostProcessor.class);

	private static final String BEAN_NAME = "freeMarkerConfigurer";

	private final ObjectProvider<SourceRoots> roots;

	private final ObjectProvider<RenderedPages> pages;

	private Binder binder = Binder.get(new StandardEnvironment());

	private boolean redirected;

	private volatile List<Path> sourceFolders = List.of();

	HmrFreeMarkerTemplatesPostProcessor(ObjectProvider<SourceRoots> roots, ObjectProvider<RenderedPages> pages) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(pages, "'pages' must not be null");
		this.roots = roots;
		this.pages = pages;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.binder = Binder.get(environment);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		SourceRoots sourceRoots;
		if (bean instanceof FreeMarkerConfigurer configurer && BEAN_NAME.equals(beanName)
				&& (sourceRoots = this.roots.getIfAvailable()) != null) {
			List<String> paths = this.binder
				.bind("spring.freemarker.template-loader-path", Bindable.listOf(String.class))
				.orElse(List.of("classpath:/templates/"));
			List<String> sourcePaths = new ArrayList<>();
			List<Path> folders = new ArrayList<>();
			for (String path : paths) {
				Path folder = HmrThymeleafTemplatesPostProcessor.sourceFolder(path.endsWith("/") ? path : path + "/",
						sourceRoots);
				sourcePaths.add((folder != null) ? folder.toUri().toString() : path);
				if (folder != null) {
					folders.add(folder);
				}
			}
			this.sourceFolders = List.copyOf(folders);
			if (!sourcePaths.equals(paths)) {
				configurer.setTemplateLoaderPaths(sourcePaths.toArray(String[]::new));
				this.redirected = true;
				if (logger.isDebugEnabled()) {
					logger.debug("FreeMarker templates are read from " + sourcePaths + " for HMR, uncached");
				}
			}
		}
		return bean;
	}

	/**
	 * The source file of a template, as FreeMarker names it.
	 * @param templateName the name, relative to a template loader path
	 * @return the file in the first source folder that has it, or {@code null}
	 */
	@Nullable Path sourceFile(String templateName) {
		for (Path folder : this.sourceFolders) {
			Path file = folder.resolve(templateName).normalize();
			if (file.startsWith(folder) && Files.isRegularFile(file)) {
				return file;
			}
		}
		return null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.redirected && bean instanceof FreeMarkerConfigurer configurer && BEAN_NAME.equals(beanName)) {
			freemarker.template.Configuration configuration = configurer.getConfiguration();
			configuration.setTemplateUpdateDelayMilliseconds(0);
			RenderedPages renderedPages = this.pages.getIfAvailable();
			if (renderedPages != null && !(configuration.getTemplateLoader() instanceof RecordingTemplateLoader)) {
				// with no update delay FreeMarker looks every template up on every use,
				// the view and what it includes or imports alike
				configuration.setTemplateLoader(new RecordingTemplateLoader(configuration.getTemplateLoader(),
						renderedPages, this::sourceFile));
			}
			if (!configuration.isTemplateExceptionHandlerExplicitlySet()) {
				// FreeMarker's default prints the error into the page and flushes it, so
				// the
				// page is sent half-rendered; rethrown, the overlay shows it instead
				configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
			}
		}
		return bean;
	}

	/**
	 * A template loader that tells the page being rendered which templates it found: a
	 * template in a source folder as that file, any other as unknown (the page then
	 * counts as using every template).
	 */
	static final class RecordingTemplateLoader implements TemplateLoader {

		private final TemplateLoader delegate;

		private final RenderedPages pages;

		private final Function<String, @Nullable Path> files;

		RecordingTemplateLoader(TemplateLoader delegate, RenderedPages pages, Function<String, @Nullable Path> files) {
			this.delegate = delegate;
			this.pages = pages;
			this.files = files;
		}

		@Override
		public @Nullable Object findTemplateSource(String name) throws IOException {
			Object source = this.delegate.findTemplateSource(name);
			if (source != null) {
				Path file = this.files.apply(name);
				if (file != null) {
					this.pages.recordUse(RenderedPages.fileKey(file));
				}
				else {
					this.pages.recordUnknownUse();
				}
			}
			return source;
		}

		@Override
		public long getLastModified(Object templateSource) {
			return this.delegate.getLastModified(templateSource);
		}

		@Override
		public Reader getReader(Object templateSource, String encoding) throws IOException {
			return this.delegate.getReader(templateSource, encoding);
		}

		@Override
		public void closeTemplateSource(Object templateSource) throws IOException {
			this.delegate.closeTemplateSource(templateSource);
		}

	}

}
