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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One entry of an {@link UpdatePayload}, with its fields in the order Vite writes them.
 * {@code explicitImportRequired} and {@code isWithinCircularImport} are always written;
 * the other optional fields only when present.
 *
 * @param type js-update or css-update (the type of the boundary module)
 * @param timestamp 13-digit epoch milliseconds, strictly increasing per server
 * @param path canonical URL of the boundary module (the one whose hot.accept handles it)
 * @param acceptedPath canonical URL of the module to re-import ({@code path} for a
 * self-accepting module)
 * @param explicitImportRequired whether the client must add {@code import} to the query
 * when re-importing (non-JS, non-CSS files served as JS)
 * @param isWithinCircularImport whether the boundary sits in an import cycle with the
 * changed module
 * @param firstInvalidatedBy for updates caused by {@code vite:invalidate}: URL of the
 * module that first invalidated
 * @param invalidates declared by Vite and not produced by its server today; this starter
 * puts there the URLs (as importers write them, {@code ?t=} included, without the base)
 * of the modules the browser will fetch anew once it re-imports {@code acceptedPath}, so
 * that its client can fetch them in parallel; Vite's client ignores it
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "timestamp", "path", "acceptedPath", "explicitImportRequired", "isWithinCircularImport",
		"firstInvalidatedBy", "invalidates" })
public record Update(Type type, long timestamp, String path, String acceptedPath, boolean explicitImportRequired,
		@JsonProperty("isWithinCircularImport") boolean isWithinCircularImport, @Nullable String firstInvalidatedBy,
		@Nullable List<String> invalidates) {

	public Update {
		Assert.notNull(type, "'type' must not be null");
		Assert.hasText(path, "'path' must not be empty");
		Assert.hasText(acceptedPath, "'acceptedPath' must not be empty");
		invalidates = (invalidates != null) ? List.copyOf(invalidates) : null;
	}

	/**
	 * A {@code js-update} with no optional fields.
	 * @param timestamp the timestamp
	 * @param path the boundary URL
	 * @param acceptedPath the accepted module URL
	 * @return the update
	 */
	public static Update js(long timestamp, String path, String acceptedPath) {
		return new Update(Type.JS_UPDATE, timestamp, path, acceptedPath, false, false, null, null);
	}

	/**
	 * A {@code css-update} of a linked stylesheet.
	 * @param timestamp the timestamp
	 * @param path the stylesheet URL
	 * @return the update
	 */
	public static Update css(long timestamp, String path) {
		return new Update(Type.CSS_UPDATE, timestamp, path, path, false, false, null, null);
	}

	/**
	 * The kinds of update.
	 */
	public enum Type {

		JS_UPDATE("js-update"), CSS_UPDATE("css-update");

		private final String value;

		Type(String value) {
			this.value = value;
		}

		/**
		 * The name Vite uses on the wire.
		 * @return the name
		 */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

}
