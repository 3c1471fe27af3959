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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.springframework.util.Assert;

/**
 * Serves stylesheets for HMR. {@link #toJsModule toJsModule} makes the JavaScript module
 * Vite serves for {@code import './x.css'} from JavaScript: it injects the CSS with the
 * client's {@code updateStyle}, accepts its own updates, and removes the style when
 * pruned. {@link #rewriteImports rewriteImports} rewrites the {@code @import} URLs of a
 * stylesheet served as CSS.
 *
 * @since 0.1.0
 */
public final class CssModuleTransformer {

	/**
	 * The query parameter marking the URL of a stylesheet that another one
	 * {@code @import}s, so that the browser's request for it is told from a
	 * {@code <link>}'s: an imported stylesheet has no {@code <link>} of its own, so its
	 * changes update the stylesheet that imports it.
	 */
	public static final String IMPORTED_MARKER = "at-import";

	private final String base;

	private final String clientUrl;

	/**
	 * Create a transformer for an application served under a base path: served
	 * {@code @import}s and the client URL its modules import start with it.
	 * @param base the public base path, {@code /} or a context path such as {@code /app/}
	 */
	public CssModuleTransformer(String base) {
		this.clientUrl = ModuleUrls.withBase(base, JsModuleTransformer.DEFAULT_CLIENT_URL);
		this.base = base;
	}

	/**
	 * The JavaScript module for a stylesheet imported from JavaScript, its relative and
	 * root-absolute {@code @import}s made absolute (a {@code <style>} resolves them
	 * against the page, not the stylesheet).
	 * @param css the stylesheet
	 * @param moduleUrl the stylesheet's canonical URL (as imported, e.g.
	 * {@code /css/style.css})
	 * @param id the id of the {@code <style>} element ({@code data-vite-dev-id}); Vite
	 * uses the file's absolute path
	 * @param resolver resolves {@code @import} URLs to canonical URLs ({@code null}
	 * leaves one as written)
	 * @param timestamps the last HMR timestamp of a module by canonical URL, 0 if never
	 * updated; an updated {@code @import}ed stylesheet gets {@code ?t=} so the browser
	 * does not reuse its cached copy
	 * @return the module and its analysis: self-accepting, importing the stylesheets it
	 * {@code @import}s
	 */
	public TransformedModule toJsModule(String css, String moduleUrl, String id, SpecifierResolver resolver,
			ToLongFunction<String> timestamps) {
		Assert.notNull(id, "'id' must not be null");
		TransformedModule stylesheet = rewriteImports(css, moduleUrl, resolver, timestamps);
		String url = ModuleUrls.canonicalUrl(moduleUrl);
		String code = JsModuleTransformer.hotContextPrelude(this.clientUrl, url)
				+ "import { updateStyle as __vite__updateStyle, removeStyle as __vite__removeStyle } from "
				+ JsStrings.quote(this.clientUrl) + "\n" + "const __vite__id = " + JsStrings.quote(id) + "\n"
				+ "const __vite__css = " + JsStrings.quote(stylesheet.code()) + "\n"
				+ "__vite__updateStyle(__vite__id, __vite__css)\n" + "import.meta.hot.accept()\n"
				+ "import.meta.hot.prune(() => __vite__removeStyle(__vite__id))";
		return new TransformedModule(code, stylesheet.importedUrls(), stylesheet.staticImportedUrls(), Set.of(), null,
				true, true);
	}

	/**
	 * Rewrite the {@code @import} URLs of a stylesheet that resolve to their canonical
	 * URLs, with {@code ?t=} for updated ones and {@link #IMPORTED_MARKER}.
	 * @param css the stylesheet
	 * @param stylesheetUrl the stylesheet's canonical URL
	 * @param resolver resolves {@code @import} URLs to canonical URLs ({@code null}
	 * leaves one as written)
	 * @param timestamps the last HMR timestamp of a module by canonical URL, 0 if never
	 * updated
	 * @return the stylesheet and the URLs it imports; not self-accepting and not using
	 * {@code import.meta.hot}
	 */
	public TransformedModule rewriteImports(String css, String stylesheetUrl, SpecifierResolver resolver,
			ToLongFunction<String> timestamps) {
		Assert.notNull(css, "'css' must not be null");
		Assert.hasText(stylesheetUrl, "'stylesheetUrl' must not be empty");
		Assert.notNull(resolver, "'resolver' must not be null");
		Assert.notNull(timestamps, "'timestamps' must not be null");
		String url = ModuleUrls.canonicalUrl(stylesheetUrl);
		Set<String> importedUrls = new LinkedHashSet<>();
		List<JsModuleTransformer.Edit> edits = new ArrayList<>();
		for (CssImport cssImport : CssImportLexer.parse(css)) {
			String resolved = resolver.resolve(cssImport.url(), url);
			if (resolved == null) {
				continue;
			}
			String imported = ModuleUrls.canonicalUrl(resolved);
			importedUrls.add(imported);
			String served = ModuleUrls.withBase(this.base,
					marked(ModuleUrls.importUrl(imported, false, timestamps.applyAsLong(imported))));
			if (!served.equals(cssImport.url())) {
				// the URL starts after its opening quote or after "url(" and any
				// whitespace
				boolean quoted = isQuote(css.charAt(cssImport.start() - 1));
				edits.add(new JsModuleTransformer.Edit(cssImport.start(), cssImport.end(), escape(served, quoted)));
			}
		}
		return new TransformedModule(JsModuleTransformer.apply(css, edits, ""), importedUrls, importedUrls, Set.of(),
				null, false, false);
	}

	private static String marked(String url) {
		int hash = url.indexOf('#');
		String path = (hash >= 0) ? url.substring(0, hash) : url;
		return path + (path.contains("?") ? "&" : "?") + IMPORTED_MARKER + url.substring(path.length());
	}

	private static boolean isQuote(char ch) {
		return ch == '"' || ch == '\'';
	}

	/** Escape a URL for a CSS string or an unquoted {@code url(…)}. */
	private static String escape(String url, boolean quoted) {
		StringBuilder out = new StringBuilder(url.length());
		for (int i = 0; i < url.length(); i++) {
			char ch = url.charAt(i);
			if (ch == '\n' || ch == '\r' || ch == '\f') {
				out.append('\\').append(Integer.toHexString(ch)).append(' ');
			}
			else if (ch == '\\' || ch == '"' || ch == '\''
					|| !quoted && (ch == '(' || ch == ')' || Character.isWhitespace(ch))) {
				out.append('\\').append(ch);
			}
			else {
				out.append(ch);
			}
		}
		return out.toString();
	}

}
