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

import org.jspecify.annotations.Nullable;
import org.thymeleaf.exceptions.TemplateProcessingException;

import org.springframework.util.Assert;

import dev.hmr.payload.HotError;
import dev.hmr.serve.CodeFrame;

/**
 * Reads a Thymeleaf rendering failure as the overlay shows it: Thymeleaf's message (which
 * names the template, line and column), the template's source file as {@code id} and
 * {@code loc.file}, the line and column, a code frame from the source, and no Java stack.
 */
final class HmrThymeleafTemplateErrors implements HmrTemplateErrorFilter.TemplateErrors {

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
		String id = (file != null) ? file.toString() : (ex.hasTemplateName() ? ex.getTemplateName() : null);
		if (!ex.hasLineAndCol()) {
			return new HotError(message, "", id, null, PLUGIN, null, null, Map.of());
		}
		int line = ex.getLine();
		// Thymeleaf counts columns from 1, Vite's loc from 0
		int column = Math.max(ex.getCol() - 1, 0);
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
