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

package dev.hmr.access;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriUtils;

/**
 * A request's path as the handler mappings and resource resolvers end up reading it, so
 * that a check made on it cannot be passed by writing the path another way:
 * percent-decoded (repeatedly: a resolver may decode once more), backslashes read as
 * slashes, path parameters ({@code ;jsessionid=…}) and repeated slashes dropped. The
 * query is never part of it.
 */
final class RequestPaths {

	private static final int MAX_DECODINGS = 3;

	private RequestPaths() {
	}

	/**
	 * The request's path within the application (without the context path), normalised.
	 * @param request the request
	 * @return the path, starting with {@code /}
	 */
	static String withinApplication(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String path = (!contextPath.isEmpty() && uri.startsWith(contextPath)) ? uri.substring(contextPath.length())
				: uri;
		return normalize(path);
	}

	/**
	 * The request's path within the application as written (not decoded), for log lines
	 * and messages: without the query, which may hold the socket's token.
	 * @param request the request
	 * @return the raw path
	 */
	static String raw(HttpServletRequest request) {
		return request.getRequestURI();
	}

	static String normalize(String rawPath) {
		String path = rawPath;
		for (int i = 0; i < MAX_DECODINGS && path.indexOf('%') >= 0; i++) {
			try {
				path = UriUtils.decode(path, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				break;
			}
		}
		path = path.replace('\\', '/');
		StringBuilder normalized = new StringBuilder(path.length() + 1);
		for (String segment : path.split("/")) {
			int parameters = segment.indexOf(';');
			String name = (parameters >= 0) ? segment.substring(0, parameters) : segment;
			if (!name.isEmpty()) {
				normalized.append('/').append(name);
			}
		}
		if (normalized.isEmpty() || path.endsWith("/")) {
			normalized.append('/');
		}
		return normalized.toString();
	}

}
