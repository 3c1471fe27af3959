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

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the dedicated HMR listener ({@code hmr.port}) to the HMR socket: on that port any
 * other path is {@code 404 Not Found} and a plain HTTP request to the socket's path is
 * {@code 426 Upgrade Required}, as Vite's own listener answers. Requests on other ports
 * pass untouched.
 */
final class HmrPortFilter extends OncePerRequestFilter {

	private final int port;

	private final String path;

	/**
	 * Create a new filter.
	 * @param port the dedicated port
	 * @param path the socket's path within the servlet context
	 */
	HmrPortFilter(int port, String path) {
		this.port = port;
		this.path = path;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getLocalPort() != this.port) {
			chain.doFilter(request, response);
			return;
		}
		String pathWithinContext = request.getRequestURI().substring(request.getContextPath().length());
		if (!this.path.equals(pathWithinContext)) {
			// Not sendError: the error page would be the application's
			answer(response, HttpStatus.NOT_FOUND, "Only the HMR WebSocket is served on this port");
		}
		else if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
			response.setHeader(HttpHeaders.UPGRADE, "websocket");
			answer(response, HttpStatus.UPGRADE_REQUIRED, "Upgrade Required");
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static void answer(HttpServletResponse response, HttpStatus status, String text) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(text);
	}

}
