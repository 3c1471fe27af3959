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

package dev.hmr.transform;

import org.jspecify.annotations.Nullable;

/**
 * Turns an import specifier into the canonical URL of the module it names, or
 * {@code null} to leave the specifier as written (a bare specifier the browser resolves
 * with an import map, a full URL).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SpecifierResolver {

	/**
	 * Resolve a specifier.
	 * @param specifier the specifier as written in the source (escapes decoded)
	 * @param importerUrl the canonical URL of the importing module
	 * @return the canonical URL of the imported module, or {@code null} to leave the
	 * specifier untouched
	 */
	@Nullable String resolve(String specifier, String importerUrl);

	/**
	 * The default resolver: relative and root-absolute specifiers against the importer's
	 * URL ({@link ModuleUrls#resolve}); bare specifiers and full URLs are left alone.
	 * @return the resolver
	 */
	static SpecifierResolver relative() {
		return ModuleUrls::resolve;
	}

	/**
	 * The default resolver for an application served under a base path: as
	 * {@link #relative()}, except that a root-absolute specifier names a module only
	 * under the base ({@link ModuleUrls#resolve(String, String, String)}).
	 * @param base the public base path, {@code /} or a context path such as {@code /app/}
	 * @return the resolver
	 */
	static SpecifierResolver relative(String base) {
		ModuleUrls.checkBase(base);
		return (specifier, importerUrl) -> ModuleUrls.resolve(specifier, importerUrl, base);
	}

	/**
	 * The resolver for a stylesheet's {@code @import}s: in CSS every URL without a scheme
	 * is relative, so {@code theme.css} is {@code ./theme.css}
	 * ({@link ModuleUrls#resolveStylesheetUrl}).
	 * @param base the public base path, {@code /} or a context path such as {@code /app/}
	 * @return the resolver
	 */
	static SpecifierResolver stylesheet(String base) {
		ModuleUrls.checkBase(base);
		return (url, importerUrl) -> ModuleUrls.resolveStylesheetUrl(url, importerUrl, base);
	}

}
