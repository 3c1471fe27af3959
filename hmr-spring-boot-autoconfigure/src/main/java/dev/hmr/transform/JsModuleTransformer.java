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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Rewrites a served JavaScript module as Vite's import analysis does for the browser:
 * <ul>
 * <li>each import specifier that resolves (relative and root-absolute ones, by default)
 * becomes its canonical URL, with {@code import} added for non-JavaScript, non-CSS files
 * and {@code t=<timestamp>} added when the imported module has been updated by HMR, in
 * the order the HMR client uses ({@code ?import&t=…&query}); bare specifiers and full
 * URLs are left as written, so import maps and WebJars keep working;</li>
 * <li>the string literals inside {@code import.meta.hot.accept(…)} become the accepted
 * modules' canonical URLs, since the client matches {@code acceptedPath} by exact
 * string;</li>
 * <li>a module that uses {@code import.meta.hot} gets Vite's hot-context prelude.</li>
 * </ul>
 * Pure: no I/O and no state besides the client URL, so one instance can serve all
 * requests.
 *
 * @since 0.1.0
 */
public final class JsModuleTransformer {

	/**
	 * The URL Vite serves its client at, under the base.
	 */
	public static final String DEFAULT_CLIENT_URL = "/@vite/client";

	private final String base;

	private final String clientUrl;

	/**
	 * Create a transformer for an application served at the root: imports and the
	 * prelude's client URL ({@value #DEFAULT_CLIENT_URL}) are served as they are.
	 */
	public JsModuleTransformer() {
		this("/");
	}

	/**
	 * Create a transformer for an application served under a base path: served imports
	 * and the prelude's client URL start with it; canonical URLs (those of the module
	 * graph, the hot context and accepted deps) do not.
	 * @param base the public base path, {@code /} or a context path such as {@code /app/}
	 */
	public JsModuleTransformer(String base) {
		this.clientUrl = ModuleUrls.withBase(base, DEFAULT_CLIENT_URL);
		this.base = base;
	}

	/**
	 * Transform a module.
	 * @param code the module source
	 * @param moduleUrl the module's canonical URL
	 * @param resolver resolves specifiers to canonical URLs ({@code null} leaves a
	 * specifier untouched), such as {@link SpecifierResolver#relative(String)} with the
	 * same base
	 * @param timestamps the last HMR timestamp of a module by canonical URL, 0 if never
	 * updated
	 * @return the code to serve and its analysis
	 * @throws SourceSyntaxException if the code cannot be lexed or an
	 * {@code import.meta.hot.accept} call has arguments Vite rejects
	 */
	public TransformedModule transform(String code, String moduleUrl, SpecifierResolver resolver,
			ToLongFunction<String> timestamps) {
		Assert.notNull(code, "'code' must not be null");
		Assert.hasText(moduleUrl, "'moduleUrl' must not be empty");
		Assert.notNull(resolver, "'resolver' must not be null");
		Assert.notNull(timestamps, "'timestamps' must not be null");
		String url = ModuleUrls.canonicalUrl(moduleUrl);
		LexedModule lexed = EsModuleLexer.parse(code);
		HotUsage hot = HmrAcceptLexer.scan(code, lexed.imports());
		List<Edit> edits = new ArrayList<>();
		Set<String> importedUrls = new LinkedHashSet<>();
		Set<String> staticImportedUrls = new LinkedHashSet<>();
		for (ImportSpecifier specifier : lexed.imports()) {
			String resolved = (specifier.specifier() != null && !specifier.isImportMeta())
					? resolver.resolve(specifier.specifier(), url) : null;
			if (resolved == null) {
				continue;
			}
			String imported = ModuleUrls.canonicalUrl(resolved);
			importedUrls.add(imported);
			if (!specifier.isDynamic()) {
				staticImportedUrls.add(imported);
			}
			// The module is the canonical URL; the browser still asks with the query
			// written, which may matter to whoever serves it
			String served = ModuleUrls.withBase(this.base, ModuleUrls.importUrl(ModuleUrls.withoutHmrQuery(resolved),
					ModuleUrls.isExplicitImportRequired(imported), timestamps.applyAsLong(imported)));
			if (!served.equals(specifier.specifier())) {
				// static: the quotes sit around [start, end); dynamic: [start, end) is
				// the
				// whole literal
				boolean dynamic = specifier.isDynamic();
				edits.add(new Edit(dynamic ? specifier.start() : specifier.start() - 1,
						dynamic ? specifier.end() : specifier.end() + 1, JsStrings.quote(served)));
			}
		}
		Set<String> acceptedUrls = new LinkedHashSet<>();
		for (AcceptedDep dep : hot.acceptedDeps()) {
			String accepted = resolve(resolver, dep.specifier(), url);
			if (accepted != null) {
				acceptedUrls.add(accepted);
				edits.add(new Edit(dep.start(), dep.end(), JsStrings.quote(accepted)));
			}
		}
		boolean selfAccepting = hot.isSelfAccepting() || acceptsAllExports(hot, lexed);
		String served = apply(code, edits, hot.usesHot() ? hotContextPrelude(this.clientUrl, url) : "");
		return new TransformedModule(served, importedUrls, staticImportedUrls, acceptedUrls, hot.acceptedExports(),
				selfAccepting, hot.usesHot());
	}

	/**
	 * The module Vite serves for an asset imported from JavaScript
	 * ({@code import logo from './logo.svg'}, requested with {@code ?import}): its
	 * default export is the asset's URL.
	 * @param assetUrl the asset's URL as the browser requests it (with the base), without
	 * query
	 * @return the module's code
	 */
	public static String assetModule(String assetUrl) {
		return "export default " + JsStrings.quote(assetUrl) + ";\n";
	}

	/**
	 * The prelude Vite puts in front of every module that uses {@code import.meta.hot}.
	 * @param clientUrl the URL of the HMR client module, with the base
	 * @param moduleUrl the module's canonical URL
	 * @return the prelude, without a line break so that line numbers are kept
	 */
	static String hotContextPrelude(String clientUrl, String moduleUrl) {
		return "import { createHotContext as __vite__createHotContext } from " + JsStrings.quote(clientUrl) + ";"
				+ "import.meta.hot = __vite__createHotContext(" + JsStrings.quote(moduleUrl) + ");";
	}

	private static @Nullable String resolve(SpecifierResolver resolver, String specifier, String importerUrl) {
		String resolved = resolver.resolve(specifier, importerUrl);
		return (resolved != null) ? ModuleUrls.canonicalUrl(resolved) : null;
	}

	/** Vite: a module whose {@code acceptExports} names all its exports self-accepts. */
	private static boolean acceptsAllExports(HotUsage hot, LexedModule lexed) {
		Set<String> accepted = hot.acceptedExports();
		if (accepted == null || accepted.size() < lexed.exports().size()) {
			return false;
		}
		return lexed.exports().stream().allMatch((exported) -> accepted.contains(exported.name()));
	}

	static String apply(String code, List<Edit> edits, String prefix) {
		if (edits.isEmpty() && prefix.isEmpty()) {
			return code;
		}
		edits.sort(Comparator.comparingInt(Edit::start));
		StringBuilder out = new StringBuilder(code.length() + prefix.length());
		out.append(prefix);
		int copied = 0;
		for (Edit edit : edits) {
			if (edit.start() < copied) {
				// overlaps an earlier edit: cannot happen for lexed records, kept safe
				continue;
			}
			out.append(code, copied, edit.start()).append(edit.replacement());
			copied = edit.end();
		}
		return out.append(code, copied, code.length()).toString();
	}

	/**
	 * Replace {@code [start, end)} of the source with {@code replacement}.
	 */
	record Edit(int start, int end, String replacement) {

	}

}
