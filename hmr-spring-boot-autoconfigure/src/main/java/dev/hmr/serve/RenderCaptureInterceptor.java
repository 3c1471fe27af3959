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

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Notes the view and model a handler chose, before the view renders them: what a page
 * that answered a form submission needs to be rendered again after a template edit.
 * {@link RenderedPages} keeps it only for such pages. Redirects and error dispatches (an
 * error page is rendered again by a reload of the page that failed) are not noted.
 */
final class RenderCaptureInterceptor implements HandlerInterceptor {

	private final RenderedPages pages;

	RenderCaptureInterceptor(RenderedPages pages) {
		Assert.notNull(pages, "'pages' must not be null");
		this.pages = pages;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null || request.getDispatcherType() != DispatcherType.REQUEST) {
			return;
		}
		Object view = modelAndView.isReference() ? modelAndView.getViewName() : modelAndView.getView();
		if (view == null || view instanceof RedirectView
				|| (view instanceof String name && (name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
						|| name.startsWith(UrlBasedViewResolver.FORWARD_URL_PREFIX)))) {
			return;
		}
		if (view instanceof String || view instanceof View) {
			this.pages.capture(request, view, modelAndView.getModel());
		}
	}

}
