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

import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Adds the HMR client to HTML pages the way Vite does: a
 * {@code <script type="module" src="/@vite/client"></script>} as the first child of
 * {@code <head>} (a {@code <head>} is created after {@code <html…>} when the page has
 * none). Only whole documents are changed (those that start, after a byte order mark,
 * whitespace, comments and an XML declaration, with {@code <!doctype html>},
 * {@code <html} or {@code <head}); fragments such as htmx partials are left alone, as are
 * pages that already load the client. When the page carries a CSP nonce (Vite's
 * {@code <meta property="csp-nonce" nonce="…">}, or a {@code nonce} on one of its scripts
 * or styles) the injected script gets it too.
 * <p>
 * The page is read with a small tokenizer, so {@code <head} in a comment, in a script or
 * in an attribute value, and {@code <header>}, are not mistaken for the head.
 * <p>
 * With an import map source, a {@code <script type="importmap">} goes in front of the
 * client, given the page's own import map, so that it comes before every module script.
 *
 * @since 0.1.0
 */
public final class HtmlClientInjector {

	private static final Set<String> RAW_TEXT_ELEMENTS = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
			"noembed", "noframes", "noscript");

	private final String clientUrl;

	private final UnaryOperator<@Nullable String> importMap;

	/**
	 * Create an injector for the client at the given URL.
	 * @param clientUrl the URL of the HMR client module
	 */
	public HtmlClientInjector(String clientUrl) {
		this(clientUrl, (pageImportMap) -> null);
	}

	/**
	 * Create an injector for the client at the given URL that also injects an import map.
	 * @param clientUrl the URL of the HMR client module
	 * @param importMap given the text of the page's first
	 * {@code <script type="importmap">} ({@code null} if it has none), the JSON of the
	 * import map to inject before the client, or {@code null} for none
	 */
	public HtmlClientInjector(String clientUrl, UnaryOperator<@Nullable String> importMap) {
		Assert.hasText(clientUrl, "'clientUrl' must not be empty");
		Assert.notNull(importMap, "'importMap' must not be null");
		this.clientUrl = clientUrl;
		this.importMap = importMap;
	}

	/**
	 * Add the client script to a page.
	 * @param html the page
	 * @return the page with the client script, or {@code html} itself when it is a
	 * fragment or already loads the client
	 */
	public String inject(String html) {
		return inject(html, false);
	}

	/**
	 * Add the client script to what is known to be a whole page, such as a {@code .html}
	 * file, whatever its first tag. A page with no {@code <head>}, {@code <html>} or
	 * doctype gets the script at its start, as Vite does.
	 * @param html the page
	 * @return the page with the client script, or {@code html} itself when it already
	 * loads the client
	 */
	public String injectIntoPage(String html) {
		return inject(html, true);
	}

	private String inject(String html, boolean page) {
		Insertion insertion = findInsertion(html, page);
		if (insertion == null) {
			return html;
		}
		return new StringBuilder(html.length() + insertion.text().length()).append(html, 0, insertion.offset())
			.append(insertion.text())
			.append(html, insertion.offset(), html.length())
			.toString();
	}

	/**
	 * Where and what to insert into a page: {@code html[0, offset)}, then {@code text},
	 * then {@code html[offset, end)}; {@code null} when the page is a fragment or already
	 * loads the client.
	 */
	private @Nullable Insertion findInsertion(CharSequence html, boolean wholePage) {
		Assert.notNull(html, "'html' must not be null");
		Page page = new Page(html, this.clientUrl);
		if (!wholePage && !page.isDocument() || !page.scan()) {
			return null;
		}
		String script = importMapTag(page.importMap, page.nonce()) + scriptTag(page.nonce());
		if (page.headEnd >= 0) {
			return new Insertion(page.headEnd, "\n" + increment(page.headIndent) + script);
		}
		if (page.htmlEnd < 0 && page.doctypeEnd < 0) {
			// Vite's prependInjectFallback: at the document start
			return new Insertion(0, script + "\n");
		}
		int offset = (page.htmlEnd >= 0) ? page.htmlEnd : page.doctypeEnd;
		return new Insertion(offset, "\n<head>\n  " + script + "\n</head>");
	}

	private String scriptTag(@Nullable String nonce) {
		StringBuilder tag = new StringBuilder("<script type=\"module\" src=\"");
		tag.append(escapeAttribute(this.clientUrl)).append('"');
		if (nonce != null) {
			tag.append(" nonce=\"").append(escapeAttribute(nonce)).append('"');
		}
		return tag.append("></script>").toString();
	}

	private String importMapTag(@Nullable String pageImportMap, @Nullable String nonce) {
		String map = this.importMap.apply(pageImportMap);
		if (map == null) {
			return "";
		}
		return "<script type=\"importmap\"" + ((nonce != null) ? " nonce=\"" + escapeAttribute(nonce) + "\"" : "") + ">"
				+ map + "</script>";
	}

	/** Vite's {@code incrementIndent}: one more tab, or two more spaces. */
	private static String increment(String indent) {
		return indent + ((!indent.isEmpty() && indent.charAt(0) == '\t') ? "\t" : "  ");
	}

	private static String escapeAttribute(String value) {
		return value.replace("&", "&amp;").replace("\"", "&quot;");
	}

	/**
	 * Text to insert at an offset of a page, in UTF-16 code units.
	 */
	private record Insertion(int offset, String text) {

	}

	/** One pass over a page's tags. */
	private static final class Page {

		private final CharSequence html;

		private final String clientUrl;

		private final int length;

		private int pos;

		int doctypeEnd = -1;

		int htmlEnd = -1;

		int headEnd = -1;

		String headIndent = "";

		@Nullable String importMap;

		private @Nullable String metaNonce;

		private @Nullable String elementNonce;

		Page(CharSequence html, String clientUrl) {
			this.html = html;
			this.clientUrl = clientUrl;
			this.length = html.length();
		}

		@Nullable String nonce() {
			return (this.metaNonce != null) ? this.metaNonce : this.elementNonce;
		}

		/**
		 * Whether the first thing after BOM, whitespace and comments opens a document.
		 */
		boolean isDocument() {
			int p = 0;
			while (p < this.length) {
				char ch = this.html.charAt(p);
				if (ch == '\uFEFF' || Character.isWhitespace(ch)) {
					p++;
				}
				else if (startsWith(p, "<!--")) {
					p = indexOf("-->", p + 4);
					p = (p < 0) ? this.length : p + 3;
				}
				else if (startsWith(p, "<?")) {
					// an XML declaration
					p = indexOf(">", p);
					p = (p < 0) ? this.length : p + 1;
				}
				else {
					return startsWithIgnoreCase(p, "<!doctype") && startsWithTagName(p + 9, "html", true)
							|| startsWithTagName(p + 1, "html", false) && ch == '<'
							|| startsWithTagName(p + 1, "head", false) && ch == '<';
				}
			}
			return false;
		}

		/**
		 * Read every tag, noting the document's landmarks and nonces.
		 * @return false if the page already loads the client
		 */
		boolean scan() {
			while (this.pos < this.length) {
				int open = indexOf("<", this.pos);
				if (open < 0 || open + 1 >= this.length) {
					break;
				}
				this.pos = open + 1;
				char next = this.html.charAt(this.pos);
				if (startsWith(open, "<!--")) {
					int close = indexOf("-->", open + 4);
					this.pos = (close < 0) ? this.length : close + 3;
				}
				else if (next == '!' || next == '?') {
					boolean doctype = startsWithIgnoreCase(open, "<!doctype");
					skipPast('>');
					if (doctype && this.doctypeEnd < 0) {
						this.doctypeEnd = this.pos;
					}
				}
				else if (next == '/') {
					skipPast('>');
				}
				else if (isAsciiLetter(next)) {
					if (!startTag(open)) {
						return false;
					}
				}
			}
			return true;
		}

		/** Read a start tag whose {@code <} is at {@code open}. */
		private boolean startTag(int open) {
			int nameStart = this.pos;
			while (this.pos < this.length && !isTagNameEnd(this.html.charAt(this.pos))) {
				this.pos++;
			}
			String name = this.html.subSequence(nameStart, this.pos).toString().toLowerCase(Locale.ROOT);
			String src = null;
			String nonce = null;
			String property = null;
			String type = null;
			while (this.pos < this.length) {
				char ch = this.html.charAt(this.pos);
				if (ch == '>') {
					this.pos++;
					break;
				}
				if (Character.isWhitespace(ch) || ch == '/') {
					this.pos++;
					continue;
				}
				int attributeStart = this.pos;
				while (this.pos < this.length && !isAttributeNameEnd(this.html.charAt(this.pos))) {
					this.pos++;
				}
				String attribute = this.html.subSequence(attributeStart, this.pos).toString().toLowerCase(Locale.ROOT);
				String value = attributeValue();
				switch (attribute) {
					case "src" -> src = value;
					case "nonce" -> nonce = value;
					case "property" -> property = value;
					case "type" -> type = value;
					default -> {
					}
				}
			}
			if (name.equals("script") && this.clientUrl.equals(src)) {
				return false;
			}
			if (nonce != null && !nonce.isEmpty()) {
				if (name.equals("meta") && "csp-nonce".equals(property)) {
					this.metaNonce = (this.metaNonce != null) ? this.metaNonce : nonce;
				}
				else if (name.equals("script") || name.equals("style") || name.equals("link")) {
					this.elementNonce = (this.elementNonce != null) ? this.elementNonce : nonce;
				}
			}
			if (name.equals("head") && this.headEnd < 0) {
				this.headEnd = this.pos;
				this.headIndent = indentBefore(open);
			}
			else if (name.equals("html") && this.htmlEnd < 0) {
				this.htmlEnd = this.pos;
			}
			if (RAW_TEXT_ELEMENTS.contains(name)) {
				int contentStart = this.pos;
				skipRawText(name);
				if (name.equals("script") && type != null && type.trim().equalsIgnoreCase("importmap")
						&& this.importMap == null) {
					this.importMap = this.html.subSequence(contentStart, this.pos).toString();
				}
			}
			return true;
		}

		/** Read {@code = value} after an attribute name, if present. */
		private @Nullable String attributeValue() {
			int p = this.pos;
			while (p < this.length && Character.isWhitespace(this.html.charAt(p))) {
				p++;
			}
			if (p >= this.length || this.html.charAt(p) != '=') {
				return null;
			}
			p++;
			while (p < this.length && Character.isWhitespace(this.html.charAt(p))) {
				p++;
			}
			if (p < this.length && (this.html.charAt(p) == '"' || this.html.charAt(p) == '\'')) {
				char quote = this.html.charAt(p);
				int close = indexOf(String.valueOf(quote), p + 1);
				close = (close < 0) ? this.length : close;
				this.pos = Math.min(close + 1, this.length);
				return this.html.subSequence(p + 1, close).toString();
			}
			int start = p;
			while (p < this.length && !Character.isWhitespace(this.html.charAt(p)) && this.html.charAt(p) != '>') {
				p++;
			}
			this.pos = p;
			return this.html.subSequence(start, p).toString();
		}

		private void skipRawText(String name) {
			int p = this.pos;
			while (true) {
				int close = indexOf("</", p);
				if (close < 0) {
					this.pos = this.length;
					return;
				}
				if (startsWithTagName(close + 2, name, false)) {
					this.pos = close;
					return;
				}
				p = close + 2;
			}
		}

		/**
		 * The spaces and tabs before {@code <head} on its line (Vite keeps that indent).
		 */
		private String indentBefore(int open) {
			int p = open;
			while (p > 0 && (this.html.charAt(p - 1) == ' ' || this.html.charAt(p - 1) == '\t')) {
				p--;
			}
			return this.html.subSequence(p, open).toString();
		}

		private void skipPast(char ch) {
			while (this.pos < this.length && this.html.charAt(this.pos) != ch) {
				this.pos++;
			}
			this.pos = Math.min(this.pos + 1, this.length);
		}

		private boolean startsWithTagName(int p, String name, boolean afterKeyword) {
			if (afterKeyword) {
				int start = p;
				while (p < this.length && Character.isWhitespace(this.html.charAt(p))) {
					p++;
				}
				if (p == start) {
					return false;
				}
			}
			if (!startsWithIgnoreCase(p, name)) {
				return false;
			}
			return p + name.length() >= this.length || isTagNameEnd(this.html.charAt(p + name.length()));
		}

		private boolean startsWith(int p, String prefix) {
			if (p + prefix.length() > this.length) {
				return false;
			}
			for (int i = 0; i < prefix.length(); i++) {
				if (this.html.charAt(p + i) != prefix.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		private boolean startsWithIgnoreCase(int p, String prefix) {
			if (p < 0 || p + prefix.length() > this.length) {
				return false;
			}
			for (int i = 0; i < prefix.length(); i++) {
				if (Character.toLowerCase(this.html.charAt(p + i)) != prefix.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		private int indexOf(String text, int from) {
			char first = text.charAt(0);
			for (int p = from; p <= this.length - text.length(); p++) {
				if (this.html.charAt(p) == first && startsWith(p, text)) {
					return p;
				}
			}
			return -1;
		}

		private static boolean isTagNameEnd(char ch) {
			return Character.isWhitespace(ch) || ch == '>' || ch == '/';
		}

		private static boolean isAttributeNameEnd(char ch) {
			return Character.isWhitespace(ch) || ch == '>' || ch == '/' || ch == '=';
		}

		private static boolean isAsciiLetter(char ch) {
			return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
		}

	}

}
