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

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.hmr.payload.HotError;
import dev.hmr.transform.EsModuleLexer;
import dev.hmr.transform.ImportSpecifier;
import dev.hmr.transform.SpecifierResolver;

/**
 * A {@link SpecifierResolver} that fails on a bare import no import map names, as Vite's
 * import analysis fails with {@code Failed to resolve import "x" from
 * "src/main.js". Does the file exist?}: the browser would only say that the specifier was
 * not remapped. Bare specifiers an import map names are left as written, for the
 * browser's import map to resolve, and are not recorded in the module graph.
 */
final class ImportResolver implements SpecifierResolver {

	/** A URL scheme ({@code https:}, {@code data:}), which makes a specifier a URL. */
	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	private final SpecifierResolver delegate;

	private final Predicate<String> mapped;

	/**
	 * Create a resolver.
	 * @param delegate the resolver of relative and root-absolute specifiers
	 * @param mapped whether an import map names a bare specifier
	 */
	ImportResolver(SpecifierResolver delegate, Predicate<String> mapped) {
		this.delegate = delegate;
		this.mapped = mapped;
	}

	@Override
	public @Nullable String resolve(String specifier, String importerUrl) {
		String resolved = this.delegate.resolve(specifier, importerUrl);
		if (resolved == null && isBare(specifier) && !this.mapped.test(specifier)) {
			throw new UnresolvedImportException(specifier, importerUrl);
		}
		return resolved;
	}

	/**
	 * Whether a specifier is bare: neither relative, nor root-absolute, nor a URL.
	 * @param specifier the specifier
	 * @return whether it is bare
	 */
	static boolean isBare(String specifier) {
		return !specifier.isEmpty() && !specifier.startsWith("/") && !specifier.startsWith("./")
				&& !specifier.startsWith("../") && !specifier.equals(".") && !specifier.equals("..")
				&& !SCHEME.matcher(specifier).find();
	}

	/**
	 * The error Vite reports for an unresolvable import, at the specifier in the code.
	 * @param ex the failure
	 * @param code the module's code the resolver was given
	 * @param id the module's id (its file, or its URL)
	 * @param plugin the step's name
	 * @return the error
	 */
	static HotError error(UnresolvedImportException ex, String code, String id, String plugin) {
		String message = ex.getMessage();
		try {
			for (ImportSpecifier specifier : EsModuleLexer.parse(code).imports()) {
				if (ex.getSpecifier().equals(specifier.specifier())) {
					int[] lineAndColumn = CodeFrame.lineAndColumn(code, specifier.start());
					return new HotError(message, "", id, CodeFrame.around(code, specifier.start()), plugin, null,
							new HotError.Location(id, lineAndColumn[0], lineAndColumn[1]), Map.of());
				}
			}
		}
		catch (RuntimeException lexing) {
			// the code was lexed once already; without a location then
		}
		return new HotError(message, "", id, null, plugin, null, null, Map.of());
	}

	/**
	 * A bare import that nothing resolves.
	 */
	static final class UnresolvedImportException extends RuntimeException {

		private final String specifier;

		UnresolvedImportException(String specifier, String importerUrl) {
			super("Failed to resolve import \"" + specifier + "\" from \"" + importerUrl + "\". Does the file exist?");
			this.specifier = specifier;
		}

		String getSpecifier() {
			return this.specifier;
		}

		@Override
		public String getMessage() {
			String message = super.getMessage();
			return (message != null) ? message : "";
		}

	}

}
