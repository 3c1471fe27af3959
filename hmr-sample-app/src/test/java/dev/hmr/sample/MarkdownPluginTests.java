package dev.hmr.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample plugin's tiny Markdown renderer.
 */
class MarkdownPluginTests {

	@Test
	void rendersHeadingsListsAndParagraphs() {
		assertThat(MarkdownPlugin.render("## Title\n\n- one\n- **two**\n\nSome `code`\nand more"))
			.isEqualTo("<h2>Title</h2><ul><li>one</li><li><strong>two</strong></li></ul>"
					+ "<p>Some <code>code</code> and more</p>");
	}

	@Test
	void escapesHtmlInTheText() {
		assertThat(MarkdownPlugin.render("<img src=x onerror=alert(1)>")).isEqualTo("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
	}

	@Test
	void emptyFileRendersNothing() {
		assertThat(MarkdownPlugin.render(" \n")).isEmpty();
	}

}
