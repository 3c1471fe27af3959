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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * {@code {"type":"full-reload"}}: reload the page, or only pages showing {@code path}
 * when it is an HTML page path.
 *
 * @param path a page path such as {@code /about.html}, {@code *} for every page, or
 * absent
 * @param triggeredBy the absolute path of the file whose change caused it, or absent
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "triggeredBy", "path" })
public record FullReloadPayload(@Nullable String path, @Nullable String triggeredBy) implements HotPayload {

	/**
	 * Reload the pages that show the given page path.
	 * @param path the page path, such as {@code /index.html}
	 * @return the payload
	 */
	public static FullReloadPayload page(String path) {
		return new FullReloadPayload(path, null);
	}

	@Override
	public Type type() {
		return Type.FULL_RELOAD;
	}

}
