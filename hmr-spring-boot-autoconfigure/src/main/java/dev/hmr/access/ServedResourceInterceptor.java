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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Guards what Spring MVC's resource handler serves in development (the source roots
 * first, then the static locations): the application's controllers are left alone.
 */
final class ServedResourceInterceptor implements HandlerInterceptor {

	private final HmrAccessGuard guard;

	ServedResourceInterceptor(HmrAccessGuard guard) {
		Assert.notNull(guard, "'guard' must not be null");
		this.guard = guard;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(handler instanceof ResourceHttpRequestHandler)) {
			return true;
		}
		if (!this.guard.admit(request, response)) {
			return false;
		}
		// The path the resource handler resolves, and the whole one: a pattern such as
		// '**/.git/**' must match under any static path pattern
		Object withinMapping = request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
		String whole = RequestPaths.withinApplication(request);
		String path = (withinMapping instanceof String within) ? RequestPaths.normalize(within) : whole;
		// with the usual '/**' pattern both are the same path: match it once
		return path.equals(whole) ? this.guard.admitFile(request, response, whole)
				: this.guard.admitFile(request, response, path, whole);
	}

}
