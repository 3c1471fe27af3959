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

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.SourceRoots;

/**
 * Makes a {@link ResourceBundleMessageSource} (Spring Boot's {@code messageSource}, with
 * its {@code spring.messages.*} base names and encoding) read its bundles from the
 * resources source folder, uncached, instead of from the build output: bundles are looked
 * up there first (the folder that holds the watched roots, such as
 * {@code src/main/resources}), then on the class path as before, and a saved bundle is
 * read again on the next message. A saved bundle under a watched root reloads the pages
 * ({@link Reloader}), and so does one in a folder no root covers, such as
 * {@code src/main/resources} itself ({@link HmrMessageBundleWatcher}). Registered only
 * while HMR is active.
 */
final class HmrMessageSourcePostProcessor implements BeanPostProcessor, BeanClassLoaderAware {

	private static final Log logger = LogFactory.getLog(HmrMessageSourcePostProcessor.class);

	private final ObjectProvider<SourceRoots> roots;

	private final Set<String> bundleNames = new CopyOnWriteArraySet<>();

	private final Set<Path> bundleFolders = new CopyOnWriteArraySet<>();

	private @Nullable ClassLoader beanClassLoader = ClassUtils.getDefaultClassLoader();

	HmrMessageSourcePostProcessor(ObjectProvider<SourceRoots> roots) {
		Assert.notNull(roots, "'roots' must not be null");
		this.roots = roots;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.beanClassLoader = classLoader;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof ResourceBundleMessageSource messageSource) {
			SourceRoots sourceRoots = this.roots.getIfAvailable();
			List<Path> folders = (sourceRoots != null) ? resourceFolders(sourceRoots) : List.of();
			if (!folders.isEmpty()) {
				messageSource.setBundleClassLoader(new SourceFirstClassLoader(folders, this.beanClassLoader));
				messageSource.setCacheMillis(0);
				for (String basename : messageSource.getBasenameSet()) {
					String name = StringUtils.trimLeadingCharacter(basename, '/');
					name = name.contains("/") ? name : name.replace('.', '/');
					int slash = name.lastIndexOf('/');
					this.bundleNames.add(name.substring(slash + 1));
					for (Path folder : folders) {
						Path bundleFolder = (slash > 0) ? folder.resolve(name.substring(0, slash)).normalize() : folder;
						if (bundleFolder.startsWith(folder) && Files.isDirectory(bundleFolder)) {
							this.bundleFolders.add(bundleFolder);
						}
					}
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Message bundles " + messageSource.getBasenameSet() + " are read from " + folders
							+ " for HMR, uncached");
				}
			}
		}
		return bean;
	}

	/**
	 * Whether a file is one of the bundles of a redirected message source: its name is a
	 * base name's last segment, with or without a locale suffix, and {@code .properties}.
	 * @param file the file
	 * @return whether it is a bundle
	 */
	boolean isBundle(Path file) {
		String name = file.getFileName().toString();
		if (!name.toLowerCase(Locale.ROOT).endsWith(".properties")) {
			return false;
		}
		String stem = name.substring(0, name.length() - ".properties".length());
		for (String bundle : this.bundleNames) {
			if (stem.equals(bundle) || stem.startsWith(bundle + "_")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The source folders that hold bundles of a redirected message source.
	 * @return the folders
	 */
	Set<Path> bundleFolders() {
		return Set.copyOf(this.bundleFolders);
	}

	/**
	 * The folders class path resources are copied from: those that hold the roots
	 * ({@code src/main/resources} for {@code src/main/resources/static}).
	 */
	private static List<Path> resourceFolders(SourceRoots sourceRoots) {
		Set<Path> folders = new LinkedHashSet<>();
		for (Path root : sourceRoots.getRoots()) {
			Path parent = root.toAbsolutePath().normalize().getParent();
			if (parent != null) {
				folders.add(parent);
			}
		}
		return new ArrayList<>(folders);
	}

	/**
	 * Finds {@code .properties} resources in the source folders before its parent does.
	 */
	static final class SourceFirstClassLoader extends ClassLoader {

		private final List<Path> folders;

		SourceFirstClassLoader(List<Path> folders, @Nullable ClassLoader parent) {
			super(parent);
			this.folders = List.copyOf(folders);
		}

		@Override
		public @Nullable URL getResource(String name) {
			if (name.endsWith(".properties") && !name.contains("..")) {
				for (Path folder : this.folders) {
					Path file = folder.resolve(name).normalize();
					if (file.startsWith(folder) && Files.isRegularFile(file)) {
						try {
							return file.toUri().toURL();
						}
						catch (MalformedURLException ex) {
							// not a URL: leave it to the parent
						}
					}
				}
			}
			return super.getResource(name);
		}

	}

	/**
	 * Reloads the pages when a bundle under a watched root is saved. A bundle in a
	 * template root needs nothing: the engine reloads the pages for any file there.
	 */
	static final class Reloader implements ApplicationListener<FileChangeEvent> {

		private final HmrMessageSourcePostProcessor messageSources;

		private final ServerHotChannel channel;

		private final SourceRoots roots;

		Reloader(HmrMessageSourcePostProcessor messageSources, ServerHotChannel channel, SourceRoots roots) {
			this.messageSources = messageSources;
			this.channel = channel;
			this.roots = roots;
		}

		@Override
		public void onApplicationEvent(FileChangeEvent event) {
			Path file = event.getPath().toAbsolutePath().normalize();
			if (!this.messageSources.isBundle(file)
					|| !this.roots.getServedRoots().contains(event.getRoot().toAbsolutePath().normalize())) {
				return;
			}
			logger.info("page reload " + file + " (message bundle)");
			this.channel.send(new FullReloadPayload("*", file.toString()));
		}

	}

}
