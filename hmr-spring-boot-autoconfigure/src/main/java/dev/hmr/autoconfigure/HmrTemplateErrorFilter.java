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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.filter.GenericFilterBean;
import org.springframework.web.util.HtmlUtils;

import dev.hmr.channel.HotChannelClient;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayloadCodec;
import dev.hmr.serve.CodeFrame;

/**
 * Shows a template that failed to render in Vite's error overlay, as Vite's own error
 * middleware does for a failed server render. The failure is sent to the browsers
 * connected now (an open tab whose htmx partial failed sees it) and becomes the page of
 * the error dispatch for an HTML request: a short page whose script opens the overlay
 * with {@code new ErrorOverlay(err)}, imported from the client, so that it works with
 * Vite's own client unchanged. Once the template is fixed, the save's {@code full-reload}
 * reloads that page. Other requests get Spring Boot's error response. The template engine
 * logs the failure; the servlet container, which would log it a second time, never sees
 * the exception.
 */
final class HmrTemplateErrorFilter extends GenericFilterBean {

	private static final Log logger = LogFactory.getLog(HmrTemplateErrorFilter.class);

	private static final String ERROR_ATTRIBUTE = HmrTemplateErrorFilter.class.getName() + ".ERROR";

	private final TemplateErrors errors;

	private final ServerHotChannel channel;

	private final HotPayloadCodec codec;

	private final String clientUrl;

	HmrTemplateErrorFilter(TemplateErrors errors, ServerHotChannel channel, HotPayloadCodec codec, String clientUrl) {
		Assert.notNull(errors, "'errors' must not be null");
		Assert.notNull(channel, "'channel' must not be null");
		Assert.notNull(codec, "'codec' must not be null");
		Assert.hasText(clientUrl, "'clientUrl' must not be empty");
		this.errors = errors;
		this.channel = channel;
		this.codec = codec;
		this.clientUrl = clientUrl;
	}

	/**
	 * The filter for one template engine's failures, registered inside the client's
	 * injection filter (so that the error page it writes gets the client) and on the
	 * error dispatch too, which it answers with that page.
	 * @param errors reads the engine's failures
	 * @param channel the channel to the browsers
	 * @param codec writes the payload into the page
	 * @param clientUrl the client's URL, with the context path
	 * @return the registration
	 */
	static FilterRegistrationBean<HmrTemplateErrorFilter> registration(TemplateErrors errors, ServerHotChannel channel,
			HotPayloadCodec codec, String clientUrl) {
		FilterRegistrationBean<HmrTemplateErrorFilter> registration = new FilterRegistrationBean<>(
				new HmrTemplateErrorFilter(errors, channel, codec, clientUrl));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 50);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest httpRequest)
				|| !(response instanceof HttpServletResponse httpResponse)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			if (request.getAttribute(ERROR_ATTRIBUTE) instanceof ErrorPayload payload && acceptsHtml(httpRequest)
					&& !response.isCommitted()) {
				writePage(httpResponse, payload);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			HotError error = (!response.isCommitted() && request.getDispatcherType() == DispatcherType.REQUEST)
					? this.errors.read(ex) : null;
			if (error == null) {
				throw ex;
			}
			report(httpRequest, httpResponse, ex, error);
		}
	}

	private void report(HttpServletRequest request, HttpServletResponse response, Exception ex, HotError error)
			throws IOException {
		ErrorPayload payload = new ErrorPayload(error);
		for (HotChannelClient client : this.channel.clients()) {
			this.channel.send(client, payload);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Template error shown in the overlay: " + error.message());
		}
		// what Spring Boot's error attributes read, as if the container had caught it
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
		request.setAttribute(ERROR_ATTRIBUTE, payload);
		// the failed page's content type and partial body are not the error's
		response.reset();
		response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
	}

	private void writePage(HttpServletResponse response, ErrorPayload payload) throws IOException {
		HotError error = payload.err();
		String json = this.codec.write(payload).replace("<", "\\u003c");
		String where = (error.loc() != null)
				? error.loc().file() + ":" + error.loc().line() + ":" + error.loc().column() : error.id();
		StringBuilder text = new StringBuilder(error.message());
		if (where != null) {
			text.append("\n\n").append(where);
		}
		if (error.frame() != null) {
			text.append("\n\n").append(error.frame());
		}
		String page = """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				  <meta charset="utf-8">
				  <title>Template error</title>
				</head>
				<body>
				  <h1>Template error</h1>
				  <pre>%s</pre>
				  <script type="module">
				    const payload = %s;
				    const { ErrorOverlay } = await import(%s);
				    document.body.appendChild(new ErrorOverlay(payload.err));
				  </script>
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(text.toString()), json, jsString(this.clientUrl));
		response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		response.setContentType("text/html;charset=UTF-8");
		byte[] body = page.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
	}

	private static String jsString(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
	}

	/**
	 * Reads a template engine's rendering failure.
	 */
	interface TemplateErrors {

		/**
		 * The error to show for a failure.
		 * @param failure what the request threw
		 * @return the error, or {@code null} when the failure is not a template's
		 */
		@Nullable HotError read(Throwable failure);

		/**
		 * The error at a position of a template: the source file (else the template's
		 * name) as {@code id} and {@code loc.file}, and a code frame read from the file.
		 * @param message the engine's message
		 * @param plugin the engine's name
		 * @param file the template's source file, or {@code null} if unknown
		 * @param templateName the engine's name of the template, or {@code null}
		 * @param line the line, from 1; below 1 when unknown (then no {@code loc})
		 * @param oneBasedColumn the column, counted from 1 as the engines do
		 * @return the error
		 */
		static HotError at(String message, String plugin, @Nullable Path file, @Nullable String templateName, int line,
				int oneBasedColumn) {
			String id = (file != null) ? file.toString() : templateName;
			if (line < 1) {
				return new HotError(message, "", id, null, plugin, null, null, Map.of());
			}
			// the engines count columns from 1, Vite's loc from 0
			int column = Math.max(oneBasedColumn - 1, 0);
			String frame = (file != null) ? frame(file, line, column) : null;
			return new HotError(message, "", id, frame, plugin, null, new HotError.Location(id, line, column),
					Map.of());
		}

		private static @Nullable String frame(Path file, int line, int column) {
			try {
				return CodeFrame.around(Files.readString(file, StandardCharsets.UTF_8), line, column);
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		}

	}

}
