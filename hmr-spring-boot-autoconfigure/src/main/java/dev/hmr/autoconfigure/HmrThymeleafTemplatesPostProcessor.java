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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import dev.hmr.watch.SourceRoots;

/**
 * Makes Thymeleaf read templates from the watched {@code templates} source folder,
 * uncached, instead of from the build output: a saved template is what the next request
 * renders, and the {@code full-reload} the change sends shows it. A resolver with Spring
 * Boot's default prefix ({@code classpath:/templates/}) reads from the first template
 * root; one with another {@code classpath:} prefix (say {@code classpath:/views/}) reads
 * from the folder of that name in the resources folder when that folder is a watched root
 * or inside one; other prefixes are left alone. Registered only while HMR is active,
 * never in production.
 */
final class HmrThymeleafTemplatesPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(HmrThymeleafTemplatesPostProcessor.class);

	private static final Set<String> DEFAULT_PREFIXES = Set.of("classpath:/templates/", "classpath:templates/");

	private static final String CLASSPATH = "classpath:";

	private final ObjectProvider<SourceRoots> roots;

	private final List<TemplateFolder> folders = new CopyOnWriteArrayList<>();

	HmrThymeleafTemplatesPostProcessor(ObjectProvider<SourceRoots> roots) {
		Assert.notNull(roots, "'roots' must not be null");
		this.roots = roots;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringResourceTemplateResolver resolver && resolver.getPrefix() != null) {
			SourceRoots sourceRoots = this.roots.getIfAvailable();
			Path templates = (sourceRoots != null) ? sourceFolder(resolver.getPrefix(), sourceRoots) : null;
			if (templates != null) {
				String prefix = templates.toUri().toString();
				resolver.setPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
				resolver.setCacheable(false);
				this.folders
					.add(new TemplateFolder(templates, (resolver.getSuffix() != null) ? resolver.getSuffix() : ""));
				if (logger.isDebugEnabled()) {
					logger.debug("Thymeleaf templates are read from " + templates + " for HMR, uncached");
				}
			}
		}
		return bean;
	}

	/**
	 * The source file of a template, as Thymeleaf names it in its exceptions: a template
	 * name (such as {@code pages/home}) that a redirected resolver reads from its source
	 * folder, or a resource's description ({@code URL [file:/…/home.html]}).
	 * @param templateName the name
	 * @return the file, or {@code null} when it is not one of the source folders' files
	 */
	@Nullable Path sourceFile(String templateName) {
		int open = templateName.indexOf('[');
		int close = templateName.lastIndexOf(']');
		Path described = (open >= 0 && close > open) ? describedFile(templateName.substring(open + 1, close)) : null;
		for (TemplateFolder folder : this.folders) {
			if (described != null) {
				if (described.startsWith(folder.path()) && Files.isRegularFile(described)) {
					return described;
				}
				continue;
			}
			for (String candidate : List.of(templateName + folder.suffix(), templateName)) {
				Path file = folder.path().resolve(StringUtils.trimLeadingCharacter(candidate, '/')).normalize();
				if (file.startsWith(folder.path()) && Files.isRegularFile(file)) {
					return file;
				}
			}
		}
		return null;
	}

	private static @Nullable Path describedFile(String location) {
		try {
			Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
			return file.isAbsolute() ? file.normalize() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The source folder a {@code classpath:} prefix stands for: Boot's default prefix is
	 * the first template root; any other {@code classpath:} prefix is the folder of that
	 * name beside a source root (roots are folders of the resources folder, such as
	 * {@code src/main/resources/templates}) if that folder is a root or inside one, so
	 * that its changes are watched.
	 * @param prefix the resolver's prefix
	 * @param sourceRoots the watched roots
	 * @return the folder, or {@code null} to leave the resolver alone
	 */
	static @Nullable Path sourceFolder(String prefix, SourceRoots sourceRoots) {
		if (DEFAULT_PREFIXES.contains(prefix)) {
			List<Path> templateRoots = sourceRoots.getTemplateRoots();
			if (!templateRoots.isEmpty()) {
				return templateRoots.get(0).toAbsolutePath().normalize();
			}
		}
		if (!prefix.startsWith(CLASSPATH)) {
			return null;
		}
		String location = StringUtils.trimLeadingCharacter(prefix.substring(CLASSPATH.length()), '/');
		if (location.isEmpty() || location.contains("..")) {
			return null;
		}
		for (Path root : sourceRoots.getRoots()) {
			Path absolute = root.toAbsolutePath().normalize();
			Path resources = absolute.getParent();
			if (resources == null) {
				continue;
			}
			Path candidate = resources.resolve(location).normalize();
			if (candidate.startsWith(absolute) && Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private record TemplateFolder(Path path, String suffix) {

	}

}
