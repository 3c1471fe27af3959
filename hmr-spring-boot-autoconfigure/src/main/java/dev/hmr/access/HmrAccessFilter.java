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

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the starter's own paths, whichever handler answers them: every path under
 * {@code /@} (the client and its modules, {@code /@fs/}, {@code /@id/}) and the HMR
 * socket's, on every listener (the dedicated {@code hmr.port} one too). The socket's
 * {@code Host} is left to its handshake, which answers {@code 400} as Vite's. Paths are
 * compared as the handler mappings read them, so {@code /%40vite/client} or
 * {@code /@vite;x/client} are guarded too.
 */
final class HmrAccessFilter extends OncePerRequestFilter {

	private final HmrAccessGuard guard;

	private final String socketPath;

	HmrAccessFilter(HmrAccessGuard guard, String socketPath) {
		Assert.notNull(guard, "'guard' must not be null");
		Assert.hasText(socketPath, "'socketPath' must not be empty");
		this.guard = guard;
		this.socketPath = RequestPaths.normalize(socketPath);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = RequestPaths.withinApplication(request);
		if (!path.startsWith(HmrAccessGuard.WARM_UP_PATH)) {
			this.guard.requestStarted();
		}
		boolean socket = isSocketPath(path) && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
		if ((socket || path.startsWith("/@")) && !this.guard.admit(request, response, !socket)) {
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isSocketPath(String path) {
		return path.equals(this.socketPath) || path.equals(this.socketPath + "/");
	}

}
