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

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.hmr.plugin.HmrPlugin;
import dev.hmr.plugin.ModuleIds;
import dev.hmr.transform.SpecifierResolver;

/**
 * Vite's {@code resolveId} step: each plugin's {@link HmrPlugin#resolveId} in order, the
 * first answer wins; an id that is a file in the served roots becomes that file's URL,
 * any other id its {@code /@id/} URL ({@link ModuleIds#toUrl}). Without an answer, the
 * next resolver decides.
 */
final class PluginResolver implements SpecifierResolver {

	private final SpecifierResolver next;

	private final List<HmrPlugin> plugins;

	private final List<Path> roots;

	private final Function<String, @Nullable Path> fileOf;

	/**
	 * Create a resolver.
	 * @param next the resolver for specifiers no plugin resolves
	 * @param plugins the plugins, in order
	 * @param roots the served roots
	 * @param fileOf the file behind a canonical URL, if any
	 */
	PluginResolver(SpecifierResolver next, List<HmrPlugin> plugins, List<Path> roots,
			Function<String, @Nullable Path> fileOf) {
		this.next = next;
		this.plugins = plugins.stream().filter(PluginResolver::resolvesIds).toList();
		this.roots = roots.stream().map((root) -> root.toAbsolutePath().normalize()).toList();
		this.fileOf = fileOf;
	}

	@Override
	public @Nullable String resolve(String specifier, String importerUrl) {
		if (!this.plugins.isEmpty()) {
			String importer = idOf(importerUrl);
			for (HmrPlugin plugin : this.plugins) {
				String id;
				try {
					id = plugin.resolveId(specifier, importer);
				}
				catch (Exception ex) {
					throw new ResolveIdException(plugin.getName(), ex);
				}
				if (id != null && !id.isEmpty()) {
					return urlOf(id);
				}
			}
		}
		return this.next.resolve(specifier, importerUrl);
	}

	/** The id plugins know a module by: its file, or its module id. */
	String idOf(String url) {
		String id = ModuleIds.fromUrl(url);
		if (id != null) {
			return id;
		}
		Path file = this.fileOf.apply(url);
		return (file != null) ? file.toString() : url;
	}

	private String urlOf(String id) {
		if (!ModuleIds.isVirtual(id) && !id.startsWith(ModuleIds.URL_PREFIX)) {
			try {
				Path path = Path.of(id);
				if (path.isAbsolute()) {
					Path file = path.normalize();
					for (Path root : this.roots) {
						if (file.startsWith(root)) {
							return "/" + root.relativize(file).toString().replace('\\', '/');
						}
					}
				}
			}
			catch (InvalidPathException ex) {
				// not a path: a module id
			}
		}
		return ModuleIds.toUrl(id);
	}

	private static boolean resolvesIds(HmrPlugin plugin) {
		try {
			return plugin.getClass()
				.getMethod("resolveId", String.class, String.class)
				.getDeclaringClass() != HmrPlugin.class;
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
	}

	/**
	 * A plugin's {@code resolveId} that threw.
	 */
	static final class ResolveIdException extends RuntimeException {

		private final String plugin;

		ResolveIdException(String plugin, Exception cause) {
			super(cause.getMessage(), cause);
			this.plugin = plugin;
		}

		String getPlugin() {
			return this.plugin;
		}

		Exception getException() {
			return (Exception) getCause();
		}

	}

}
