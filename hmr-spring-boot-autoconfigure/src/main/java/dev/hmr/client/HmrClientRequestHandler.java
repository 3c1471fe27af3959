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

package dev.hmr.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * Serves the modules of an {@link HmrClientScript} at the paths in
 * {@link HmrClientScript#PATHS}, as {@code text/javascript} with {@code no-cache} and an
 * entity tag, so browsers revalidate on every load and usually get a 304. Map it to those
 * paths, for example with a {@code SimpleUrlHandlerMapping}; other paths get a 404.
 *
 * @since 0.1.0
 */
public class HmrClientRequestHandler implements HttpRequestHandler {

	private static final String CONTENT_TYPE = "text/javascript;charset=UTF-8";

	private final HmrClientScript script;

	/**
	 * Serve the given client.
	 * @param script the client with its settings filled in
	 */
	public HmrClientRequestHandler(HmrClientScript script) {
		Assert.notNull(script, "'script' must not be null");
		this.script = script;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HmrClientScript.Module module = this.script
			.module(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
		if (module == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		boolean head = HttpMethod.HEAD.matches(request.getMethod());
		if (!head && !HttpMethod.GET.matches(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		if (new ServletWebRequest(request, response).checkNotModified(module.etag())) {
			return;
		}
		byte[] body = module.source().getBytes(StandardCharsets.UTF_8);
		response.setContentType(CONTENT_TYPE);
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

}
