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

package dev.hmr.serve;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.Controller;
import org.springframework.web.util.UrlPathHelper;

/**
 * Renders a captured page again ({@link RenderedPages#replayHandler()}): its view with
 * its model, in this request, through the application's view resolvers, so that the
 * current templates, the current session and security context and a new CSRF token are
 * used, and validation errors in the model still show. Nothing is submitted again.
 */
final class CapturedPageController implements Controller {

	private final RenderedPages pages;

	CapturedPageController(RenderedPages pages) {
		Assert.notNull(pages, "'pages' must not be null");
		this.pages = pages;
	}

	@Override
	public @Nullable ModelAndView handleRequest(HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (!"GET".equals(request.getMethod())) {
			return refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Only GET renders a captured page");
		}
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		String id = path.startsWith(RenderedPages.REPLAY_PATH) ? path.substring(RenderedPages.REPLAY_PATH.length())
				: "";
		RenderedPages.Capture capture = this.pages.captureFor(id, request);
		if (capture == null) {
			// not captured, forgotten, or another session's: the same answer for all
			return refuse(response, HttpServletResponse.SC_NOT_FOUND, "No captured page of this session has this id");
		}
		request.setAttribute(RenderedPages.REPLAY_ATTRIBUTE, capture);
		LinkedHashMap<String, Object> model = new LinkedHashMap<>(capture.model());
		return (capture.view() instanceof View view) ? new ModelAndView(view, model)
				: new ModelAndView((String) capture.view(), model);
	}

	/** A plain answer, not the application's error page (which would be a page too). */
	private static @Nullable ModelAndView refuse(HttpServletResponse response, int status, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(message);
		return null;
	}

}
