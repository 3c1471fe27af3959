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

package dev.hmr.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.util.Assert;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;

import dev.hmr.access.DeniedFiles;

/**
 * Registers the static resource handler so that, in development, requests are answered
 * from the source roots first, then from the application's usual static locations. It
 * runs before Spring Boot's own resource configuration, which then leaves the pattern to
 * it. Everything it serves is {@code no-cache} with an ETag of the bytes sent, so a
 * browser revalidates every module and gets 304 while nothing changed.
 *
 * @since 0.1.0
 */
public class SourceResourceConfigurer implements WebMvcConfigurer, Ordered {

	private final List<Path> roots;

	private final List<String> staticLocations;

	private final String pathPattern;

	private final List<ResourceTransformer> transformers;

	private final List<Path> hidden;

	private Predicate<String> denied = (path) -> false;

	/**
	 * Create a configurer.
	 * @param roots the source roots to serve, in order of precedence
	 * @param staticLocations the application's static locations, served after the roots
	 * @param pathPattern the URL pattern of static resources (Boot's
	 * {@code spring.mvc.static-path-pattern})
	 * @param transformers rewrite served resources (modules, stylesheets)
	 * @param hidden folders never served even inside a root: watched roots of server-side
	 * templates
	 */
	public SourceResourceConfigurer(List<Path> roots, List<String> staticLocations, String pathPattern,
			List<ResourceTransformer> transformers, List<Path> hidden) {
		Assert.notNull(hidden, "'hidden' must not be null");
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(staticLocations, "'staticLocations' must not be null");
		Assert.hasText(pathPattern, "'pathPattern' must not be empty");
		Assert.notNull(transformers, "'transformers' must not be null");
		this.roots = List.copyOf(roots);
		this.staticLocations = List.copyOf(staticLocations);
		this.pathPattern = pathPattern;
		this.transformers = List.copyOf(transformers);
		this.hidden = List.copyOf(hidden);
	}

	/**
	 * Refuse to serve, besides the paths the request names, files that a link in a root
	 * leads to when they are denied.
	 * @param deniedFiles the files never served
	 */
	public void setDeniedFiles(DeniedFiles deniedFiles) {
		Assert.notNull(deniedFiles, "'deniedFiles' must not be null");
		this.denied = deniedFiles::isDenied;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		if (registry.hasMappingForPattern(this.pathPattern)) {
			return;
		}
		List<String> locations = new ArrayList<>();
		for (Path root : this.roots) {
			String uri = root.toAbsolutePath().normalize().toUri().toString();
			locations.add(uri.endsWith("/") ? uri : uri + "/");
		}
		locations.addAll(this.staticLocations);
		addSourceHandler(registry, this.pathPattern, locations, new SourceFiles(this.roots, this.hidden, this.denied),
				this.transformers);
	}

	/**
	 * Register a handler that serves source files as the source roots are served: no
	 * caching but revalidation by ETag, the files' containment checked, a missing import
	 * reported, the transformers applied.
	 * @param registry the registry
	 * @param pathPattern the URL pattern
	 * @param locations where the files are, as URIs ending with {@code /}
	 * @param files which of them may be served
	 * @param transformers the transformers, in order
	 */
	static void addSourceHandler(ResourceHandlerRegistry registry, String pathPattern, List<String> locations,
			SourceFiles files, List<? extends ResourceTransformer> transformers) {
		ResourceHandlerRegistration registration = registry.addResourceHandler(pathPattern)
			.addResourceLocations(locations.toArray(String[]::new))
			.setCacheControl(CacheControl.noCache())
			.setUseLastModified(false)
			.setEtagGenerator(SourceResourceConfigurer::etag);
		ResourceChainRegistration chain = registration.resourceChain(false);
		for (ResourceTransformer transformer : transformers) {
			if (transformer instanceof HmrModuleTransformer modules) {
				chain.addResolver(new MissingImportReporter(modules));
			}
		}
		chain.addResolver(new SourceRootResourceResolver(files));
		transformers.forEach(chain::addTransformer);
	}

	/**
	 * Forwards {@code /} to the {@code index.html} of a source root, as Vite serves it
	 * and as Spring Boot's welcome page does for one on the class path. Controllers
	 * mapped to {@code /} still win: view controllers come after them.
	 */
	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		boolean hasIndex = this.roots.stream().anyMatch((root) -> Files.isRegularFile(root.resolve("index.html")));
		if (hasIndex && this.pathPattern.equals("/**")) {
			registry.addViewController("/").setViewName("forward:index.html");
		}
	}

	/**
	 * The ETag of what the resource will send. A module made in memory gets a hash of its
	 * bytes (its code depends on timestamps of other modules, not only on its file); a
	 * file sent as it is gets its size and modification time, so serving it reads it only
	 * once.
	 * @param resource the (possibly transformed) resource
	 * @return the ETag value, or {@code null} if it cannot be computed
	 */
	static @Nullable String etag(Resource resource) {
		try {
			if (resource instanceof ModuleResource module) {
				return module.getEtag();
			}
			return "W/\"" + Long.toHexString(resource.contentLength()) + "-" + Long.toHexString(resource.lastModified())
					+ "\"";
		}
		catch (IOException ex) {
			return null;
		}
	}

}
