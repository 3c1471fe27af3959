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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.hmr.graph.ModuleNode;
import dev.hmr.plugin.HmrContext;
import dev.hmr.plugin.HmrPlugin;

/**
 * An {@link HmrPlugin} in the shape of Vite's classic {@code .myext} example: Markdown
 * files under {@code static} are served as JavaScript modules ({@code import html from
 * '/notes/welcome.md'}) and, when one is saved, the plugin renders it again and sends the
 * HTML to the browsers in a custom event instead of the default update.
 * <p>
 * A plugin is any bean implementing the interface; {@code @Order} places it among the
 * others (here there is only this one). In the packaged jar, where HMR is off, nothing
 * calls it.
 */
@Component
@Order(100)
class MarkdownPlugin implements HmrPlugin {

	static final String EVENT = "sample:markdown";

	@Override
	public @Nullable String load(String id) throws IOException {
		if (!isMarkdown(id)) {
			return null; // not ours: the next plugin, or the file itself, serves it
		}
		String html = render(Files.readString(Path.of(id), StandardCharsets.UTF_8));
		return "export default " + JsonMapper.shared().writeValueAsString(html) + ";\n";
	}

	@Override
	public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) throws IOException {
		if (!isMarkdown(context.getFile().toString())) {
			return null; // keep the default update for every other file
		}
		String html = render(context.read());
		for (ModuleNode module : context.getModules()) {
			String url = module.getUrl();
			String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
			context.getServer().getHot().send(EVENT, Map.of("path", path, "html", html));
		}
		// Empty list: "handled". The importers are not re-run and the page is not
		// reloaded.
		return List.of();
	}

	private static boolean isMarkdown(String id) {
		return id.endsWith(".md");
	}

	/**
	 * Just enough Markdown for the demo, one block per blank-line-separated chunk: a '#'
	 * heading, a list of '- ' items, or a paragraph; **strong** and `code` inline. Text
	 * is escaped first, so the file cannot inject HTML into the page.
	 */
	static String render(String markdown) {
		StringBuilder html = new StringBuilder();
		if (markdown.isBlank()) {
			return "";
		}
		for (String block : markdown.strip().split("\\R\\s*\\R")) {
			List<String> lines = block.strip()
				.lines()
				.map((line) -> inline(HtmlUtils.htmlEscape(line.strip())))
				.toList();
			if (lines.get(0).startsWith("#")) {
				int level = Math.min(lines.get(0).length() - lines.get(0).replaceFirst("^#+", "").length(), 6);
				String heading = lines.get(0).substring(level).strip();
				html.append("<h").append(level).append('>').append(heading).append("</h").append(level).append('>');
			}
			else if (lines.stream().allMatch((line) -> line.startsWith("- "))) {
				html.append("<ul>");
				lines.forEach((line) -> html.append("<li>").append(line.substring(2)).append("</li>"));
				html.append("</ul>");
			}
			else {
				html.append("<p>").append(String.join(" ", lines)).append("</p>");
			}
		}
		return html.toString();
	}

	private static String inline(String text) {
		return text.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>").replaceAll("`(.+?)`", "<code>$1</code>");
	}

}
