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
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Module URLs as Vite handles them: one canonical URL per module (no {@code t=}
 * timestamp, no {@code import} marker), relative specifiers resolved against the
 * importer's URL, and the query Vite adds to imports of non-JavaScript files and of
 * modules changed by HMR.
 *
 * @since 0.1.0
 */
public final class ModuleUrls {

	private static final Set<String> JS_EXTENSIONS = Set.of("js", "jsx", "ts", "tsx", "mjs", "mts", "vue", "marko",
			"svelte", "astro", "imba", "mdx");

	private static final Set<String> CSS_EXTENSIONS = Set.of("css", "less", "sass", "scss", "styl", "stylus", "pcss",
			"postcss", "sss");

	private ModuleUrls() {
	}

	/**
	 * The canonical URL of the module a request or an import asks for: its identity in
	 * the module graph, the same for every way of writing it, so that no query, path
	 * parameter or encoding a page chooses makes a module of its own. The path loses its
	 * path parameters ({@code ;jsessionid=…}), repeated slashes and {@code .}/{@code ..}
	 * segments, and percent-escapes of unreserved characters ({@code %61} is {@code a});
	 * other escapes are written with upper-case hex digits. Of the query only
	 * {@code direct} on a stylesheet is kept (Vite's linked-stylesheet module,
	 * {@code /a.css?direct}): the {@code t=} timestamp, the {@code import} marker and
	 * every other parameter name nothing this server serves differently.
	 * {@code /js/a.js?t=1700000000000}, {@code /js/a.js?x=1} and
	 * {@code /js/a.js;jsessionid=1} become {@code /js/a.js};
	 * {@code /a.css?direct&t=1700000000000} becomes {@code /a.css?direct}. The fragment,
	 * if any, is kept.
	 * @param requestUriWithQuery the request URI, with its query if any
	 * @return the canonical URL
	 * @see #withoutHmrQuery(String)
	 */
	public static String canonicalUrl(String requestUriWithQuery) {
		Assert.notNull(requestUriWithQuery, "'requestUriWithQuery' must not be null");
		int hash = requestUriWithQuery.indexOf('#');
		String fragment = (hash >= 0) ? requestUriWithQuery.substring(hash) : "";
		String url = (hash >= 0) ? requestUriWithQuery.substring(0, hash) : requestUriWithQuery;
		int question = url.indexOf('?');
		String path = canonicalPath((question >= 0) ? url.substring(0, question) : url);
		boolean direct = question >= 0 && hasParameter(url.substring(question + 1), "direct")
				&& CSS_EXTENSIONS.contains(extension(path));
		return path + (direct ? "?direct" : "") + fragment;
	}

	/**
	 * A URL without Vite's HMR parameters: the {@code t=<13 digits>} timestamp and the
	 * {@code import} marker removed (and the {@code ?} when nothing else is left), other
	 * parameters kept in order. This is how an import is written for the browser, whose
	 * other parameters may matter to whoever serves it; {@link #canonicalUrl(String)} is
	 * the module it names.
	 * @param url the URL, with its query if any
	 * @return the URL without {@code t=} and {@code import}
	 */
	public static String withoutHmrQuery(String url) {
		Assert.notNull(url, "'url' must not be null");
		int hash = url.indexOf('#');
		String fragment = (hash >= 0) ? url.substring(hash) : "";
		String withoutFragment = (hash >= 0) ? url.substring(0, hash) : url;
		int question = withoutFragment.indexOf('?');
		if (question < 0) {
			return url;
		}
		StringBuilder kept = new StringBuilder(withoutFragment.length());
		kept.append(withoutFragment, 0, question);
		char separator = '?';
		int from = question + 1;
		while (from <= withoutFragment.length()) {
			int to = withoutFragment.indexOf('&', from);
			to = (to < 0) ? withoutFragment.length() : to;
			if (to > from && !isHmrParameter(withoutFragment, from, to)) {
				kept.append(separator).append(withoutFragment, from, to);
				separator = '&';
			}
			from = to + 1;
		}
		return kept.append(fragment).toString();
	}

	private static boolean hasParameter(String query, String name) {
		for (String parameter : query.split("&", -1)) {
			if (parameter.equals(name) || parameter.startsWith(name + "=")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The path as a module's identity: path parameters, repeated slashes and dot segments
	 * removed, percent-escapes normalised (RFC 3986, 6.2.2).
	 */
	private static String canonicalPath(String path) {
		StringBuilder out = new StringBuilder(path.length());
		boolean inParameters = false;
		for (int i = 0; i < path.length(); i++) {
			char ch = path.charAt(i);
			if (ch == '/') {
				inParameters = false;
				if (out.length() == 0 || out.charAt(out.length() - 1) != '/') {
					out.append('/');
				}
			}
			else if (inParameters) {
				continue;
			}
			else if (ch == ';') {
				inParameters = true;
			}
			else if (ch == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
				char decoded = (char) Integer.parseInt(path, i + 1, i + 3, 16);
				if (isUnreserved(decoded)) {
					out.append(decoded);
				}
				else {
					out.append('%').append(path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
				}
				i += 2;
			}
			else {
				out.append(ch);
			}
		}
		return (out.length() > 0 && out.charAt(0) == '/') ? normalize(out.toString()) : out.toString();
	}

	private static boolean isHex(char ch) {
		return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F';
	}

	private static boolean isUnreserved(char ch) {
		return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '.'
				|| ch == '_' || ch == '~';
	}

	private static String extension(String path) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	private static boolean isHmrParameter(String url, int from, int to) {
		int length = to - from;
		if (url.startsWith("import", from) && (length == 6 || length == 7 && url.charAt(from + 6) == '=')) {
			return true;
		}
		if (length == 15 && url.startsWith("t=", from)) {
			for (int i = from + 2; i < to; i++) {
				if (url.charAt(i) < '0' || url.charAt(i) > '9') {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	/**
	 * Resolve a relative ({@code ./x.js}, {@code ../x.js}) or root-absolute
	 * ({@code /x.js}) import specifier against the importer's URL, normalising {@code .}
	 * and {@code ..} segments; the specifier's query is kept. Bare specifiers
	 * ({@code lit}, {@code vue}), full URLs ({@code https:}, {@code data:}) and
	 * protocol-relative URLs give {@code null}: they are left to the browser (and its
	 * import map).
	 * @param specifier the import specifier
	 * @param importerUrl the URL of the importing module
	 * @return the resolved URL, or {@code null}
	 */
	public static @Nullable String resolve(String specifier, String importerUrl) {
		Assert.notNull(specifier, "'specifier' must not be null");
		Assert.notNull(importerUrl, "'importerUrl' must not be null");
		if (specifier.startsWith("/")) {
			return specifier.startsWith("//") ? null : normalize(specifier);
		}
		if (specifier.equals(".") || specifier.equals("..") || specifier.startsWith("./")
				|| specifier.startsWith("../")) {
			String importerPath = path(importerUrl);
			String directory = importerPath.substring(0, importerPath.lastIndexOf('/') + 1);
			return normalize((directory.isEmpty() ? "/" : directory) + specifier);
		}
		return null;
	}

	/**
	 * Resolve a specifier as {@link #resolve(String, String)} does, for an application
	 * served under a base path (a servlet context path): a root-absolute specifier is
	 * written as the browser requests it, so it names a module only under {@code base},
	 * and its canonical URL is without the base (Vite's {@code stripBase}). A
	 * root-absolute specifier outside the base gives {@code null}: it is not the
	 * application's.
	 * @param specifier the import specifier
	 * @param importerUrl the canonical URL of the importing module
	 * @param base the public base path, {@code /} or a context path such as {@code /app/}
	 * @return the resolved canonical URL, or {@code null}
	 */
	public static @Nullable String resolve(String specifier, String importerUrl, String base) {
		Assert.notNull(specifier, "'specifier' must not be null");
		checkBase(base);
		if (base.length() > 1 && specifier.startsWith("/") && !specifier.startsWith("//")) {
			return stripBase(base, normalize(specifier));
		}
		return resolve(specifier, importerUrl);
	}

	/**
	 * Resolve a URL written in a stylesheet ({@code @import "theme.css"}) against the
	 * stylesheet's URL, as a browser does: unlike an import specifier, a URL with neither
	 * scheme nor leading {@code /} or {@code .} ({@code theme.css}) is relative. Full and
	 * protocol-relative URLs, and empty, fragment-only and query-only ones, give
	 * {@code null}.
	 * @param url the URL as written (escapes decoded)
	 * @param stylesheetUrl the canonical URL of the stylesheet
	 * @param base the public base path, {@code /} or a context path such as {@code /app/}
	 * @return the resolved canonical URL, or {@code null}
	 */
	public static @Nullable String resolveStylesheetUrl(String url, String stylesheetUrl, String base) {
		Assert.notNull(url, "'url' must not be null");
		if (url.isEmpty() || url.startsWith("#") || url.startsWith("?") || hasScheme(url)) {
			return null;
		}
		boolean relative = url.startsWith("/") || url.equals(".") || url.equals("..") || url.startsWith("./")
				|| url.startsWith("../");
		return resolve(relative ? url : "./" + url, stylesheetUrl, base);
	}

	/** Whether the URL starts with a scheme ({@code https:}, {@code data:}). */
	private static boolean hasScheme(String url) {
		for (int i = 0; i < url.length(); i++) {
			char ch = url.charAt(i);
			if (ch == ':') {
				return i > 0;
			}
			boolean letter = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
			if (!letter && (i == 0 || !(ch >= '0' && ch <= '9' || ch == '+' || ch == '-' || ch == '.'))) {
				return false;
			}
		}
		return false;
	}

	/**
	 * The URL a browser requests for a module of an application served under a base path:
	 * the base followed by the canonical URL (Vite's {@code joinUrlSegments(base,
	 * url)}).
	 * @param base the public base path, {@code /} or a context path such as {@code /app/}
	 * @param url a canonical URL, or an import URL made from one, starting with {@code /}
	 * @return the URL with the base
	 */
	public static String withBase(String base, String url) {
		checkBase(base);
		Assert.isTrue(url != null && url.startsWith("/"), "'url' must start with '/'");
		return (base.length() == 1) ? url : base + url.substring(1);
	}

	/**
	 * The canonical URL of a root-absolute URL under a base path: the URL without the
	 * base (Vite's {@code stripBase}).
	 * @param base the public base path, {@code /} or a context path such as {@code /app/}
	 * @param url a root-absolute URL
	 * @return the URL without the base, starting with {@code /}, or {@code null} if the
	 * URL is not under the base
	 */
	public static @Nullable String stripBase(String base, String url) {
		checkBase(base);
		Assert.notNull(url, "'url' must not be null");
		if (base.length() == 1) {
			return url.startsWith("/") ? url : null;
		}
		if (url.startsWith(base)) {
			return url.substring(base.length() - 1);
		}
		String bare = base.substring(0, base.length() - 1);
		if (url.startsWith(bare) && (url.length() == bare.length() || url.charAt(bare.length()) == '?'
				|| url.charAt(bare.length()) == '#')) {
			return "/" + url.substring(bare.length());
		}
		return null;
	}

	static void checkBase(String base) {
		Assert.isTrue(base != null && base.startsWith("/") && base.endsWith("/"),
				() -> "'base' must start and end with '/', not '" + base + "'");
	}

	/**
	 * Whether an import of this URL must carry Vite's {@code import} query parameter:
	 * true for anything that is neither JavaScript nor CSS ({@code .svg}, {@code .json},
	 * {@code .png}…), which the server then serves as a JavaScript module.
	 * @param url the module URL
	 * @return whether {@code ?import} is needed
	 */
	public static boolean isExplicitImportRequired(String url) {
		String path = path(url);
		String name = path.substring(path.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		if (dot <= 0) {
			// no extension: JavaScript, unless it names a directory
			return path.endsWith("/");
		}
		String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
		return !JS_EXTENSIONS.contains(extension) && !CSS_EXTENSIONS.contains(extension);
	}

	/**
	 * The URL an importer should use for a module: {@code import} first when
	 * {@code explicitImport}, then {@code t=<timestamp>} when the module has been
	 * updated, then the module's own query; the order the HMR client uses when it
	 * re-imports, so that both load the same module instance.
	 * @param canonicalUrl the module's canonical URL
	 * @param explicitImport whether to add {@code import}
	 * @param timestamp the module's last HMR timestamp, 0 if never updated
	 * @return the URL to import
	 */
	public static String importUrl(String canonicalUrl, boolean explicitImport, long timestamp) {
		if (!explicitImport && timestamp <= 0) {
			return canonicalUrl;
		}
		int hash = canonicalUrl.indexOf('#');
		String fragment = (hash >= 0) ? canonicalUrl.substring(hash) : "";
		String url = (hash >= 0) ? canonicalUrl.substring(0, hash) : canonicalUrl;
		int question = url.indexOf('?');
		List<String> query = new ArrayList<>(3);
		if (explicitImport) {
			query.add("import");
		}
		if (timestamp > 0) {
			query.add("t=" + timestamp);
		}
		if (question >= 0 && question < url.length() - 1) {
			query.add(url.substring(question + 1));
		}
		return ((question >= 0) ? url.substring(0, question) : url) + "?" + String.join("&", query) + fragment;
	}

	/**
	 * A URL without its query and fragment (Vite's {@code cleanUrl}).
	 * @param url a URL
	 * @return the URL up to its first {@code ?} or {@code #}
	 */
	public static String cleanUrl(String url) {
		Assert.notNull(url, "'url' must not be null");
		return path(url);
	}

	private static String path(String url) {
		int end = url.length();
		int question = url.indexOf('?');
		if (question >= 0) {
			end = question;
		}
		int hash = url.indexOf('#');
		if (hash >= 0 && hash < end) {
			end = hash;
		}
		return url.substring(0, end);
	}

	/**
	 * Remove {@code .} and {@code ..} segments of an absolute path, keeping its query.
	 */
	private static String normalize(String url) {
		String path = path(url);
		String suffix = url.substring(path.length());
		if (!path.contains("/.")) {
			return url;
		}
		String[] segments = path.substring(1).split("/", -1);
		List<String> result = new ArrayList<>(segments.length);
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			boolean last = i == segments.length - 1;
			if (segment.equals("..")) {
				if (!result.isEmpty()) {
					result.remove(result.size() - 1);
				}
				if (last) {
					result.add("");
				}
			}
			else if (segment.equals(".")) {
				if (last) {
					result.add("");
				}
			}
			else {
				result.add(segment);
			}
		}
		return "/" + String.join("/", result) + suffix;
	}

}
