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

import java.nio.file.Path;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.hmr.autoconfigure.HmrTemplateErrorFilter.TemplateErrors;
import dev.hmr.payload.HotError;

/**
 * Reads a FreeMarker failure as the overlay shows it: a template that does not parse
 * ({@link ParseException}) or fails while it renders ({@link TemplateException}), with
 * FreeMarker's message, the template's source file as {@code id} and {@code loc.file},
 * the line and column, a code frame from the source, and no Java stack.
 */
final class HmrFreeMarkerTemplateErrors implements TemplateErrors {

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
		return TemplateErrors.at(message, PLUGIN, file, templateName, line, oneBasedColumn);
	}

}
