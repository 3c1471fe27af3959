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

package dev.hmr.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@code err} of an {@link ErrorPayload}, shaped as Vite's {@code prepareError}
 * writes it. {@code message} and {@code stack} are required; absent optional fields are
 * omitted; {@code extra} holds any other string-keyed fields, written beside the others.
 *
 * @param message the message, without ANSI codes
 * @param stack the stack trace lines ({@code "    at …"}), without the message
 * @param id the module id or file the error is about
 * @param frame a code frame
 * @param plugin the name of the plugin that failed
 * @param pluginCode the code the plugin was working on
 * @param loc the location in the file
 * @param extra any other fields
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "message", "stack", "id", "frame", "plugin", "pluginCode", "loc" })
public record HotError(String message, String stack, @Nullable String id, @Nullable String frame,
		@Nullable String plugin, @Nullable String pluginCode, @Nullable Location loc,
		@JsonAnySetter @JsonAnyGetter @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extra) {

	public HotError {
		Assert.notNull(message, "'message' must not be null");
		Assert.notNull(stack, "'stack' must not be null");
		extra = Collections.unmodifiableMap((extra != null) ? new LinkedHashMap<>(extra) : new LinkedHashMap<>());
	}

	/**
	 * An error with a message and a stack only.
	 * @param message the message
	 * @param stack the stack
	 * @return the error
	 */
	public static HotError of(String message, String stack) {
		return new HotError(message, stack, null, null, null, null, null, Map.of());
	}

	/**
	 * An error for an exception, shaped as Vite's {@code prepareError}: the message, and
	 * the stack as its {@code at …} lines only.
	 * @param ex the exception
	 * @param plugin the name of the plugin or step that failed, or {@code null}
	 * @param id the file or module the error is about, or {@code null}
	 * @return the error
	 */
	public static HotError from(Throwable ex, @Nullable String plugin, @Nullable String id) {
		StringBuilder stack = new StringBuilder();
		for (StackTraceElement element : ex.getStackTrace()) {
			if (!stack.isEmpty()) {
				stack.append('\n');
			}
			stack.append("    at ").append(element);
		}
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		return new HotError(message, stack.toString(), id, null, plugin, null, null, Map.of());
	}

	/**
	 * A position in a file.
	 *
	 * @param file the file, or absent
	 * @param line the line, 1-based
	 * @param column the column, 0-based as Vite writes it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "file", "line", "column" })
	public record Location(@Nullable String file, int line, int column) {

	}

}
