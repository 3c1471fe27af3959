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

package dev.hmr.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.hmr.payload.HotError;
import dev.hmr.serve.CodeFrame;

/**
 * Reads a FreeMarker failure as the overlay shows it: a template that does not parse
 * ({@link ParseException}) or fails while it renders ({@link TemplateException}), with
 * FreeMarker's message, the template's source file as {@code id} and {@code loc.file},
 * the line and column, a code frame from the source, and no Java stack.
 */
final class HmrFreeMarkerTemplateErrors implements HmrTemplateErrorFilter.TemplateErrors {

	static final String PLUGIN = "freemarker";

	private final HmrFreeMarkerTemplatesPostProcessor templates;

	HmrFreeMarkerTemplateErrors(HmrFreeMarkerTemplatesPostProcessor templates) {
		Assert.notNull(templates, "'templates' must not be null");
		this.templates = templates;
	}

	@Override
	public @Nullable HotError read(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof ParseException parse) {
				return hotError(parse.getEditorMessage(), parse.getTemplateName(), parse.getLineNumber(),
						parse.getColumnNumber());
			}
			if (current instanceof TemplateException template) {
				Integer line = template.getLineNumber();
				Integer column = template.getColumnNumber();
				return hotError(template.getMessageWithoutStackTop(), template.getTemplateSourceName(),
						(line != null) ? line : 0, (column != null) ? column : 0);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	private HotError hotError(@Nullable String text, @Nullable String templateName, int line, int oneBasedColumn) {
		String message = (text != null) ? text : "FreeMarker template error";
		Path file = (templateName != null) ? this.templates.sourceFile(templateName) : null;
		String id = (file != null) ? file.toString() : templateName;
		if (line < 1) {
			return new HotError(message, "", id, null, PLUGIN, null, null, Map.of());
		}
		// FreeMarker counts columns from 1, Vite's loc from 0
		int column = Math.max(oneBasedColumn - 1, 0);
		String frame = (file != null) ? frame(file, line, column) : null;
		return new HotError(message, "", id, frame, PLUGIN, null, new HotError.Location(id, line, column), Map.of());
	}

	private static @Nullable String frame(Path file, int line, int column) {
		try {
			return CodeFrame.around(Files.readString(file, StandardCharsets.UTF_8), line, column);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
