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

package dev.hmr.plugin;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Module ids that are not files, and the URLs they are served under, as Vite writes them
 * ({@code wrapId} and {@code unwrapId}): a plugin's {@link HmrPlugin#resolveId} that
 * answers {@code "\0virtual:my"} (Vite's convention for a virtual module) makes the
 * import {@code /@id/__x00__virtual:my}; any other id that is not a file is served under
 * {@code /@id/<id>}. The URLs here have no context path.
 *
 * @since 0.1.0
 */
public final class ModuleIds {

	/** The prefix of the URL of a module whose id is not a file: {@value}. */
	public static final String URL_PREFIX = "/@id/";

	/** What {@code \0} becomes in a URL, since browsers cannot send it: {@value}. */
	public static final String NULL_BYTE_PLACEHOLDER = "__x00__";

	/** The start of a virtual module's id, by Vite's convention: {@code \0}. */
	public static final String VIRTUAL_PREFIX = "\0";

	private ModuleIds() {
	}

	/**
	 * The URL a module id that is not a file is served under.
	 * @param id the id, such as {@code \0virtual:my}
	 * @return the URL, such as {@code /@id/__x00__virtual:my}
	 */
	public static String toUrl(String id) {
		Assert.hasLength(id, "'id' must not be empty");
		return id.startsWith(URL_PREFIX) ? id : URL_PREFIX + id.replace(VIRTUAL_PREFIX, NULL_BYTE_PLACEHOLDER);
	}

	/**
	 * The module id a URL under {@value #URL_PREFIX} stands for.
	 * @param url the URL, without context path or query
	 * @return the id, or {@code null} if the URL is not one of a module id
	 */
	public static @Nullable String fromUrl(String url) {
		Assert.notNull(url, "'url' must not be null");
		if (!url.startsWith(URL_PREFIX) || url.length() == URL_PREFIX.length()) {
			return null;
		}
		return url.substring(URL_PREFIX.length()).replace(NULL_BYTE_PLACEHOLDER, VIRTUAL_PREFIX);
	}

	/**
	 * Whether an id names a virtual module ({@code \0…}).
	 * @param id the id
	 * @return whether it starts with {@code \0}
	 */
	public static boolean isVirtual(String id) {
		return id.startsWith(VIRTUAL_PREFIX);
	}

}
