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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HtmlClientInjector}.
 */
class HtmlClientInjectorTests {

	private static final String CLIENT = "<script type=\"module\" src=\"/@vite/client\"></script>";

	private final HtmlClientInjector injector = new HtmlClientInjector("/@vite/client");

	@Test
	void clientBecomesTheFirstChildOfTheHead() {
		String html = "<!DOCTYPE html>\n<html>\n<head>\n<link rel=\"stylesheet\" href=\"/a.css\">\n</head>\n"
				+ "<body></body>\n</html>\n";
		assertThat(this.injector.inject(html)).isEqualTo("<!DOCTYPE html>\n<html>\n<head>\n  " + CLIENT
				+ "\n<link rel=\"stylesheet\" href=\"/a.css\">\n</head>\n<body></body>\n</html>\n");
	}

	@Test
	void clientIsIndentedOneLevelDeeperThanTheHead() {
		assertThat(this.injector.inject("<html>\n  <head>\n    <title>x</title>"))
			.isEqualTo("<html>\n  <head>\n    " + CLIENT + "\n    <title>x</title>");
		assertThat(this.injector.inject("<html>\n\t<head>")).isEqualTo("<html>\n\t<head>\n\t\t" + CLIENT);
	}

	@Test
	void headWithAttributesAndUpperCaseIsFound() {
		assertThat(this.injector.inject("<HTML><HEAD PROFILE=\"x\"><TITLE>t</TITLE>"))
			.isEqualTo("<HTML><HEAD PROFILE=\"x\">\n  " + CLIENT + "<TITLE>t</TITLE>");
	}

	@Test
	void pageWithoutHeadGetsOneAfterTheHtmlTag() {
		assertThat(this.injector.inject("<!doctype html><html lang=\"en\"><body><p>hi</p></body></html>")).isEqualTo(
				"<!doctype html><html lang=\"en\">\n<head>\n  " + CLIENT + "\n</head><body><p>hi</p></body></html>");
	}

	@Test
	void pageWithOnlyADoctypeGetsAHeadAfterIt() {
		assertThat(this.injector.inject("<!DOCTYPE html>\n<title>t</title><p>x"))
			.isEqualTo("<!DOCTYPE html>\n<head>\n  " + CLIENT + "\n</head>\n<title>t</title><p>x");
	}

	@Test
	void leadingByteOrderMarkWhitespaceAndCommentsAreSkipped() {
		assertThat(this.injector.inject("\uFEFF  <!-- generated -->\n<html><head></head></html>"))
			.isEqualTo("\uFEFF  <!-- generated -->\n<html><head>\n  " + CLIENT + "</head></html>");
		assertThat(this.injector.inject("<?xml version=\"1.0\"?>\n<html><head>")).endsWith("<head>\n  " + CLIENT);
	}

	@Test
	void fragmentsAreLeftAlone() {
		for (String fragment : new String[] { "<div id=\"list\" hx-swap-oob=\"true\"><p>x</p></div>",
				"<tr><td>1</td></tr>", "plain text", "", "<!-- only a comment -->", "<header><head-less/></header>",
				"<htmlx>" }) {
			assertThat(this.injector.inject(fragment)).as(fragment).isSameAs(fragment);
		}
	}

	@Test
	void headerIsNotTheHead() {
		assertThat(this.injector.inject("<html><body><header>menu</header></body></html>"))
			.isEqualTo("<html>\n<head>\n  " + CLIENT + "\n</head><body><header>menu</header></body></html>");
	}

	@Test
	void headInACommentAScriptOrAnAttributeIsNotTheHead() {
		String html = "<html data-x=\"<head>\"><!-- <head> --><script>document.write('<head>')</script>"
				+ "<style>a::after { content: '</head><head>' }</style><head><meta charset=\"utf-8\">";
		assertThat(this.injector.inject(html)).isEqualTo(html.replace("<head><meta", "<head>\n  " + CLIENT + "<meta"));
	}

	@Test
	void nonceFromTheCspNonceMetaIsUsed() {
		String html = "<html><head><meta property=\"csp-nonce\" nonce=\"c2VjcmV0\"><script nonce=\"other\"></script>";
		assertThat(this.injector.inject(html))
			.contains("<head>\n  <script type=\"module\" src=\"/@vite/client\" " + "nonce=\"c2VjcmV0\"></script><meta");
	}

	@Test
	void nonceFromAnExistingScriptOrStyleIsUsed() {
		assertThat(
				this.injector.inject("<html><head><title>t</title></head><body><script NONCE='r4nd0m'>go()</script>"))
			.contains("<script type=\"module\" src=\"/@vite/client\" nonce=\"r4nd0m\"></script><title>");
		assertThat(this.injector.inject("<html><head><style nonce=\"s\">a{}</style>"))
			.contains("src=\"/@vite/client\" nonce=\"s\"></script>");
	}

	@Test
	void pageWithoutNonceGetsNone() {
		assertThat(this.injector.inject("<html><head><script src=\"/app.js\"></script>")).doesNotContain("nonce");
	}

	@Test
	void injectionHappensOnlyOnce() {
		String once = this.injector.inject("<!doctype html><html><head></head><body></body></html>");
		assertThat(this.injector.inject(once)).isSameAs(once);
		assertThat(once.split("/@vite/client", -1)).hasSize(2);
	}

	@Test
	void pageThatAlreadyLoadsTheClientIsLeftAlone() {
		String html = "<html><head><script type=\"module\" src=\"/@vite/client\"></script></head>";
		assertThat(this.injector.inject(html)).isSameAs(html);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "<html><head><script type=module src=/@vite/client></script>",
			"<html><head><script SRC = '/@vite/client' type=module></script>",
			"<html><head><script async src=/@vite/client>" })
	void clientLoadedWithAnyAttributeSyntaxIsNotAddedAgain(String html) {
		assertThat(this.injector.inject(html)).isSameAs(html);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			<html><head><script async nonce=abc src=/app.js></script>                            | abc
			<html><head><script nonce = 'abc'></script>                                          | abc
			<html><head><link rel=stylesheet nonce="l1" href=/a.css>                             | l1
			<html><head><script nonce="e1"></script><meta property="csp-nonce" nonce="m1">       | m1
			<html><head><script nonce="e1"></script><style nonce="e2"></style>                   | e1
			<html><head><meta property=csp-nonce nonce=m1><meta property=csp-nonce nonce=m2>     | m1
			<html><head><script nonce=""></script><style nonce="s1"></style>                     | s1
			<html><head><meta nonce="x1"><div nonce="x2"></div><script nonce="s1"></script>      | s1
			""")
	void nonceIsTakenFromTheCspNonceMetaOrElseTheFirstScriptStyleOrLink(String html, String nonce) {
		assertThat(this.injector.inject(html))
			.contains("<script type=\"module\" src=\"/@vite/client\" nonce=\"" + nonce + "\"></script>");
	}

	@Test
	void nonceAndClientUrlAreEscapedAsAttributeValues() {
		assertThat(new HtmlClientInjector("/a&b/@vite/client").inject("<html><head><script nonce='x\"y'></script>"))
			.contains("<script type=\"module\" src=\"/a&amp;b/@vite/client\" nonce=\"x&quot;y\"></script>");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "<main><p>x</p></main>", "<body><p>x</p></body>", "<hea>", "<htm>", "<!doctypehtml><p>",
			"<!doctype htmlx>", "<!doctype", "<", "<?xml version=\"1.0\"?><p>x</p>", "<!-- unterminated" })
	void otherStartsAreFragments(String fragment) {
		assertThat(this.injector.inject(fragment)).isSameAs(fragment);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "<html>", "<HTML lang=en>", "<head>", "<!DOCTYPE  html>", "<!doctype\nhtml>", "<html/>" })
	void documentStartsAreRecognised(String html) {
		assertThat(this.injector.inject(html)).contains(CLIENT);
	}

	@Test
	void attributeValueWithoutClosingQuoteRunsToTheEnd() {
		assertThat(this.injector.inject("<html><head><script nonce=\"abc"))
			.isEqualTo("<html><head>\n  <script type=\"module\" src=\"/@vite/client\" nonce=\"abc\"></script>"
					+ "<script nonce=\"abc");
	}

	@Test
	void anImportMapGoesBeforeTheClientWithThePagesNonceGivenThePagesOwnMap() {
		List<String> seen = new ArrayList<>();
		HtmlClientInjector injector = new HtmlClientInjector("/@vite/client", (pageMap) -> {
			seen.add(String.valueOf(pageMap));
			return "{\"imports\":{}}";
		});

		assertThat(injector
			.inject("<html><head><script nonce=n type=\"importmap\">{\"imports\":{\"a\":\"/a.js\"}}</script>"
					+ "<script type=importmap>{\"second\":1}</script>"))
			.isEqualTo("<html><head>\n  <script type=\"importmap\" nonce=\"n\">{\"imports\":{}}</script>"
					+ "<script type=\"module\" src=\"/@vite/client\" nonce=\"n\"></script>"
					+ "<script nonce=n type=\"importmap\">{\"imports\":{\"a\":\"/a.js\"}}</script>"
					+ "<script type=importmap>{\"second\":1}</script>");
		assertThat(injector.inject("<html><head><script type=module>import 'x'</script>"))
			.startsWith("<html><head>\n  <script type=\"importmap\">{\"imports\":{}}</script><script type=\"module\"");
		assertThat(seen).containsExactly("{\"imports\":{\"a\":\"/a.js\"}}", "null");
	}

	@Test
	void noImportMapWhenTheSourceGivesNone() {
		assertThat(new HtmlClientInjector("/@vite/client", (pageMap) -> null).inject("<html><head>"))
			.isEqualTo("<html><head>\n  " + CLIENT);
	}

	@Test
	void clientUrlCanBeConfigured() {
		assertThat(new HtmlClientInjector("/app/@vite/client").inject("<html><head>"))
			.isEqualTo("<html><head>\n  <script type=\"module\" src=\"/app/@vite/client\"></script>");
	}

	@Test
	void clientGoesRightAfterTheHeadTagAndFragmentsAreLeftAlone() {
		assertThat(this.injector.inject("<html><head><title>t</title>"))
			.isEqualTo("<html><head>\n  " + CLIENT + "<title>t</title>");
		assertThat(this.injector.inject("<p>fragment</p>")).isEqualTo("<p>fragment</p>");
	}

	@Test
	void aWholePageWithoutHeadHtmlOrDoctypeGetsTheClientAtItsStartLikeVite() {
		assertThat(this.injector.injectIntoPage("<div>x</div>")).isEqualTo(CLIENT + "\n<div>x</div>");
		assertThat(this.injector.injectIntoPage("<script>go()</script>")).isEqualTo(CLIENT + "\n<script>go()</script>");
		assertThat(this.injector.inject("<div>x</div>")).isEqualTo("<div>x</div>");
	}

	@Test
	void aWholePageWithAHeadOrThatAlreadyLoadsTheClientIsTreatedAsUsual() {
		assertThat(this.injector.injectIntoPage("<html><head></head></html>"))
			.isEqualTo("<html><head>\n  " + CLIENT + "</head></html>");
		assertThat(this.injector.injectIntoPage("<div></div>" + CLIENT)).isEqualTo("<div></div>" + CLIENT);
	}

}
