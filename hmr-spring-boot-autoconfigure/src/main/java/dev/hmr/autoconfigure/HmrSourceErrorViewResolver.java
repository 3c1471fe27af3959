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

package dev.hmr.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import dev.hmr.watch.SourceRoots;

/**
 * Finds error pages that exist only in the source folders, before Spring Boot's
 * {@code DefaultErrorViewResolver} looks on the class path: as Boot does, the status's
 * own page ({@code error/404}) before its series' ({@code error/4xx}), a template before
 * a static page. A template is one that Thymeleaf reads from a source folder (see
 * {@link HmrThymeleafTemplatesPostProcessor}); a static page is {@code error/….html}
 * under a served root. Registered only while HMR is active.
 */
final class HmrSourceErrorViewResolver implements ErrorViewResolver, Ordered {

	private final SourceRoots roots;

	private final ObjectProvider<HmrThymeleafTemplatesPostProcessor> templates;

	HmrSourceErrorViewResolver(SourceRoots roots, ObjectProvider<HmrThymeleafTemplatesPostProcessor> templates) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(templates, "'templates' must not be null");
		this.roots = roots;
		this.templates = templates;
	}

	@Override
	public int getOrder() {
		// before DefaultErrorViewResolver (lowest precedence)
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public @Nullable ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status,
			Map<String, Object> model) {
		ModelAndView view = resolve("error/" + status.value(), model);
		if (view == null) {
			String series = switch (status.series()) {
				case CLIENT_ERROR -> "4xx";
				case SERVER_ERROR -> "5xx";
				default -> null;
			};
			view = (series != null) ? resolve("error/" + series, model) : null;
		}
		return view;
	}

	private @Nullable ModelAndView resolve(String viewName, Map<String, Object> model) {
		HmrThymeleafTemplatesPostProcessor thymeleaf = this.templates.getIfAvailable();
		if (thymeleaf != null && thymeleaf.sourceFile(viewName) != null) {
			return new ModelAndView(viewName, model);
		}
		for (Path root : this.roots.getServedRoots()) {
			Path page = root.resolve(viewName + ".html");
			if (Files.isRegularFile(page)) {
				return new ModelAndView(new SourcePageView(page), model);
			}
		}
		return null;
	}

	/**
	 * A static error page, read at each error.
	 */
	private record SourcePageView(Path file) implements View {

		@Override
		public String getContentType() {
			return MediaType.TEXT_HTML_VALUE;
		}

		@Override
		public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			byte[] body = Files.readAllBytes(this.file);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

	}

}
