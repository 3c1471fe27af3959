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
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.util.Assert;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * A {@link PathResourceResolver} that also refuses a file-system resource that
 * {@link SourceFiles} does not serve: one whose real path (symbolic links followed) lies
 * outside the real path of its location, or that is under a hidden folder (a watched root
 * that is never served, server-side templates, inside a served one). Spring's own check
 * compares the paths as written, so a link inside a source root that points out of it
 * would otherwise be served. A folder's URL is answered with its {@code index.html}.
 */
class SourceRootResourceResolver extends PathResourceResolver {

	private final SourceFiles files;

	/**
	 * Create a resolver.
	 * @param files the rule of which files are served
	 */
	SourceRootResourceResolver(SourceFiles files) {
		Assert.notNull(files, "'files' must not be null");
		this.files = files;
	}

	/**
	 * A folder's URL ({@code /dir/}) is its {@code index.html}, as Vite serves it (Spring
	 * hands over the path without its trailing slash).
	 */
	@Override
	protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		if (request != null && request.getRequestURI().endsWith("/")) {
			String folder = (requestPath.isEmpty() || requestPath.endsWith("/")) ? requestPath : requestPath + "/";
			return super.resolveResourceInternal(request, folder + "index.html", locations, chain);
		}
		return super.resolveResourceInternal(request, requestPath, locations, chain);
	}

	@Override
	protected boolean checkResource(Resource resource, Resource location) throws IOException {
		if (!super.checkResource(resource, location)) {
			return false;
		}
		if (!resource.isFile() || !location.isFile()) {
			return true;
		}
		return this.files.isServable(resource.getFile().toPath(), location.getFile().toPath());
	}

}
