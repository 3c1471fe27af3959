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
		assertThat(MarkdownPlugin.render("<img src=x onerror=alert(1)>"))
			.isEqualTo("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
	}

	@Test
	void emptyFileRendersNothing() {
		assertThat(MarkdownPlugin.render(" \n")).isEmpty();
	}

}
