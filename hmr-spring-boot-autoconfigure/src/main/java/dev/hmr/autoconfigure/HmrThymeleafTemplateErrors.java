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

import org.jspecify.annotations.Nullable;
import org.thymeleaf.exceptions.TemplateProcessingException;

import org.springframework.util.Assert;

import dev.hmr.autoconfigure.HmrTemplateErrorFilter.TemplateErrors;
import dev.hmr.payload.HotError;

/**
 * Reads a Thymeleaf rendering failure as the overlay shows it: Thymeleaf's message (which
 * names the template, line and column), the template's source file as {@code id} and
 * {@code loc.file}, the line and column, a code frame from the source, and no Java stack.
 */
final class HmrThymeleafTemplateErrors implements TemplateErrors {

	static final String PLUGIN = "thymeleaf";

	private final HmrThymeleafTemplatesPostProcessor templates;

	HmrThymeleafTemplateErrors(HmrThymeleafTemplatesPostProcessor templates) {
		Assert.notNull(templates, "'templates' must not be null");
		this.templates = templates;
	}

	@Override
	public @Nullable HotError read(Throwable failure) {
		TemplateProcessingException found = null;
		Throwable root = failure;
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof TemplateProcessingException processing) {
				// the outermost exception that knows the position, else the outermost
				if (found == null || !found.hasLineAndCol() && processing.hasLineAndCol()) {
					found = processing;
				}
			}
			root = current;
			if (current.getCause() == current) {
				break;
			}
		}
		return (found != null) ? hotError(found, root) : null;
	}

	/**
	 * The error: Thymeleaf's message, which names the template and the position, then
	 * that of the fault it wraps (an expression's parse error, say), if any.
	 */
	private HotError hotError(TemplateProcessingException ex, Throwable root) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		if (root != ex && root.getMessage() != null && !message.contains(root.getMessage())) {
			message = message + "\n" + root.getMessage();
		}
		Path file = ex.hasTemplateName() ? this.templates.sourceFile(ex.getTemplateName()) : null;
		return TemplateErrors.at(message, PLUGIN, file, ex.hasTemplateName() ? ex.getTemplateName() : null,
				ex.hasLineAndCol() ? ex.getLine() : 0, ex.hasLineAndCol() ? ex.getCol() : 0);
	}

}
