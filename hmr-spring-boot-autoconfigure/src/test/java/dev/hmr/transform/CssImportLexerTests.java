package dev.hmr.transform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CssImportLexer}.
 */
class CssImportLexerTests {

	@Test
	void quotedImportIsFound() {
		String css = "@import \"x.css\";\nbody { color: red }";
		assertThat(CssImportLexer.parse(css)).containsExactly(new CssImport("x.css", 9, 14, 0, 16));
	}

	@Test
	void singleQuotedImportIsFound() {
		assertThat(CssImportLexer.parse("@import './y.css';")).extracting(CssImport::url).containsExactly("./y.css");
	}

	@Test
	void unquotedUrlImportIsFound() {
		String css = "@import url(x.css);";
		assertThat(CssImportLexer.parse(css)).containsExactly(new CssImport("x.css", 12, 17, 0, 19));
	}

	@Test
	void quotedUrlImportWithMediaQueryIsFound() {
		String css = "@import url( \"x.css\" ) screen and (min-width: 10px);\na { }";
		CssImport found = CssImportLexer.parse(css).get(0);
		assertThat(found.url()).isEqualTo("x.css");
		assertThat(css.substring(found.start(), found.end())).isEqualTo("x.css");
		assertThat(css.substring(found.ruleStart(), found.ruleEnd()))
			.isEqualTo("@import url( \"x.css\" ) screen and (min-width: 10px);");
	}

	@Test
	void severalImportsAreFoundInOrder() {
		assertThat(CssImportLexer.parse("@charset \"utf-8\";\n@import 'a.css';\n@IMPORT url(b.css) layer(base);\n"
				+ "@import \"c.css\" supports(display: grid)"))
			.extracting(CssImport::url)
			.containsExactly("a.css", "b.css", "c.css");
	}

	@Test
	void importsInCommentsAreIgnored() {
		assertThat(CssImportLexer.parse("/* @import 'no.css'; */ @import 'yes.css';")).extracting(CssImport::url)
			.containsExactly("yes.css");
	}

	@Test
	void importsInStringsAndUrlsAreIgnored() {
		assertThat(CssImportLexer.parse("a::after { content: \"@import 'no.css';\" }\n"
				+ "b { background: url(data:image/svg+xml;utf8,@import'no2.css') }\n@import 'yes.css';"))
			.extracting(CssImport::url)
			.containsExactly("yes.css");
	}

	@Test
	void importsInsideBlocksAreIgnored() {
		assertThat(CssImportLexer.parse("@media print { @import 'no.css'; }")).isEmpty();
	}

	@Test
	void otherAtRulesStartingWithImportAreIgnored() {
		assertThat(CssImportLexer.parse("@imports 'no.css';")).isEmpty();
	}

}
