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

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.hmr.transform.SpecifierResolver;

/**
 * Resolves an import to the file it names as Vite's {@code resolve} does, when no file
 * has the URL as written: a {@code .js} URL to the {@code .ts} file TypeScript compiles
 * to it ({@code ./x.js} → {@code x.ts}, {@code .jsx} → {@code .tsx}, {@code .mjs} →
 * {@code .mts}); an extensionless one to the first of Vite's default
 * {@code resolve.extensions} that exists ({@code ./child} → {@code child.ts}); a folder
 * to its {@code index} file ({@code ./dir} → {@code dir/index.js}). The import is then
 * rewritten to the file's URL, which the module graph records. A URL nothing answers is
 * left as written, and reported missing when requested.
 */
final class ModuleFileResolver implements SpecifierResolver {

	/** Vite's default {@code resolve.extensions}, in its order. */
	static final List<String> EXTENSIONS = List.of(".mjs", ".js", ".mts", ".ts", ".jsx", ".tsx", ".json");

	/** The TypeScript files a JavaScript URL may name, in the order tried. */
	private static final Map<String, List<String>> TYPESCRIPT_OUTPUTS = Map.of(".js", List.of(".ts", ".tsx"), ".jsx",
			List.of(".tsx"), ".mjs", List.of(".mts"), ".cjs", List.of(".cts"));

	private final SpecifierResolver urls;

	private final SourceFiles files;

	/**
	 * Create a resolver.
	 * @param urls resolves specifiers to canonical URLs
	 * @param files the served files
	 */
	ModuleFileResolver(SpecifierResolver urls, SourceFiles files) {
		Assert.notNull(urls, "'urls' must not be null");
		Assert.notNull(files, "'files' must not be null");
		this.urls = urls;
		this.files = files;
	}

	@Override
	public @Nullable String resolve(String specifier, String importerUrl) {
		String resolved = this.urls.resolve(specifier, importerUrl);
		if (resolved == null) {
			return null;
		}
		String file = fileUrl(resolved);
		return (file != null) ? file : resolved;
	}

	/**
	 * The URL of the served file a canonical URL names, as Vite resolves it.
	 * @param url the URL, with its query if any
	 * @return the URL itself if a file has it, the URL of the file it resolves to (query
	 * kept), or {@code null} if none
	 */
	@Nullable String fileUrl(String url) {
		int queryStart = url.indexOf('?');
		String path = (queryStart >= 0) ? url.substring(0, queryStart) : url;
		String query = (queryStart >= 0) ? url.substring(queryStart) : "";
		if (path.isEmpty() || path.indexOf('#') >= 0) {
			return null;
		}
		if (!path.endsWith("/")) {
			if (this.files.fileOf(path) != null) {
				return url;
			}
			int dot = path.lastIndexOf('.');
			if (dot > path.lastIndexOf('/')) {
				List<String> outputs = TYPESCRIPT_OUTPUTS.get(path.substring(dot));
				if (outputs != null) {
					for (String extension : outputs) {
						String candidate = path.substring(0, dot) + extension;
						if (this.files.fileOf(candidate) != null) {
							return candidate + query;
						}
					}
				}
			}
			for (String extension : EXTENSIONS) {
				if (this.files.fileOf(path + extension) != null) {
					return path + extension + query;
				}
			}
		}
		String folder = path.endsWith("/") ? path : path + "/";
		for (String extension : EXTENSIONS) {
			if (this.files.fileOf(folder + "index" + extension) != null) {
				return folder + "index" + extension + query;
			}
		}
		return null;
	}

}
