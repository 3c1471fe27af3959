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
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides who may reach what the starter serves in development: the client and every path
 * under {@code /@}, the HMR socket, the files of the served roots (everything Spring's
 * resource handler answers), and the client injected into pages. A request whose
 * {@code Host} is not an {@link AllowedHosts allowed host} gets {@code 403} with one log
 * line, as Vite answers on every path of its dev server; a page the application renders
 * for such a request is served without the client.
 *
 * @since 0.1.0
 */
public final class HmrAccessGuard {

	/**
	 * Where the start-up warm-up's own requests go: not counted as requests that started,
	 * since the warm-up waits for quiet moments between them.
	 */
	public static final String WARM_UP_PATH = "/@hmr-warm-up/";

	private static final Log logger = LogFactory.getLog(HmrAccessGuard.class);

	/** How often, at most, {@link #requestStarted()} writes the time. */
	private static final long WRITE_INTERVAL_NANOS = 1_000_000;

	private final AllowedHosts allowedHosts;

	private final DeniedFiles deniedFiles;

	private final RemoteAddresses remoteAddresses;

	/**
	 * When the access filter last saw a request start ({@link System#nanoTime}): the
	 * start-up warm-up waits for a quiet moment, so that it does not take the CPU a first
	 * page needs.
	 */
	private volatile long lastRequestStart = System.nanoTime();

	/**
	 * Create a guard.
	 * @param allowedHosts the hosts requests may name
	 * @param deniedFiles the files never served
	 * @param remoteAddresses the addresses requests may come from
	 */
	public HmrAccessGuard(AllowedHosts allowedHosts, DeniedFiles deniedFiles, RemoteAddresses remoteAddresses) {
		Assert.notNull(allowedHosts, "'allowedHosts' must not be null");
		Assert.notNull(deniedFiles, "'deniedFiles' must not be null");
		Assert.notNull(remoteAddresses, "'remoteAddresses' must not be null");
		this.allowedHosts = allowedHosts;
		this.deniedFiles = deniedFiles;
		this.remoteAddresses = remoteAddresses;
	}

	/**
	 * When a request last started, as the access filter saw it.
	 * @return the time, as {@link System#nanoTime}; the guard's creation before any
	 * request
	 */
	public long lastRequestStart() {
		return this.lastRequestStart;
	}

	/**
	 * Note that a request started. Written at most once a millisecond, so that requests
	 * on many threads mostly read the field rather than take its cache line in turn.
	 */
	void requestStarted() {
		long now = System.nanoTime();
		if (now - this.lastRequestStart > WRITE_INTERVAL_NANOS) {
			this.lastRequestStart = now;
		}
	}

	/**
	 * Which remote addresses are served, for the start-up log.
	 * @return a sentence
	 */
	public String describeRemoteAccess() {
		return this.remoteAddresses.describe();
	}

	/**
	 * A filter that guards the starter's own paths: every path under {@code /@} (the
	 * client, {@code /@fs/}, {@code /@id/}) and the socket's.
	 * @param socketPath the socket's path within the application ({@code hmr.path})
	 * @return the filter, to register before any other of the starter's
	 */
	public Filter filter(String socketPath) {
		return new HmrAccessFilter(this, socketPath);
	}

	/**
	 * An interceptor of Spring MVC's resource handler, which serves the source roots and
	 * static locations in development.
	 * @return the interceptor
	 */
	public HandlerInterceptor resourceInterceptor() {
		return new ServedResourceInterceptor(this);
	}

	/**
	 * Whether the resource handler's interceptor would let a request through, without
	 * answering or logging anything: for an answer made ahead of Spring MVC, which hands
	 * a refused request on to it for the refusal.
	 * @return the test
	 */
	public Predicate<HttpServletRequest> resourceAdmission() {
		return (request) -> refusal(request, true) == null
				&& !this.deniedFiles.isDenied(RequestPaths.withinApplication(request));
	}

	/**
	 * Whether a page rendered for a request may get the client, logging a line when not.
	 * @return the test, for {@code HtmlClientInjectionFilter}
	 */
	public Predicate<HttpServletRequest> clientInjection() {
		return (request) -> {
			String refusal = refusal(request, true);
			if (refusal != null) {
				logger.warn("Served " + describe(request) + " without the HMR client: " + refusal);
			}
			return refusal == null;
		};
	}

	/**
	 * Answer {@code 403} unless the request may reach what the starter serves.
	 * @param request the request
	 * @param response its response
	 * @return whether the request may go on
	 * @throws IOException if the refusal cannot be written
	 */
	boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return admit(request, response, true);
	}

	/**
	 * Answer {@code 403} unless the request may reach what the starter serves.
	 * @param request the request
	 * @param response its response
	 * @param checkHost whether to check the {@code Host} here (not for a WebSocket
	 * upgrade, which the handshake refuses with {@code 400}, as Vite does)
	 * @return whether the request may go on
	 * @throws IOException if the refusal cannot be written
	 */
	boolean admit(HttpServletRequest request, HttpServletResponse response, boolean checkHost) throws IOException {
		String refusal = refusal(request, checkHost);
		if (refusal == null) {
			return true;
		}
		logger.warn("Refused " + describe(request) + ": " + refusal);
		forbid(response, "Blocked request: " + refusal + ".");
		return false;
	}

	/**
	 * Answer {@code 403} if the request names a denied file.
	 * @param request the request
	 * @param response its response
	 * @param paths the requested path relative to what serves it and within the
	 * application, {@link RequestPaths#normalize normalised}
	 * @return whether the request may go on
	 * @throws IOException if the refusal cannot be written
	 */
	boolean admitFile(HttpServletRequest request, HttpServletResponse response, String... paths) throws IOException {
		for (String path : paths) {
			if (this.deniedFiles.isDenied(path)) {
				logger.warn("Refused " + describe(request) + ": the file is denied by hmr.fs.deny");
				forbid(response, "Blocked request: " + LogSafe.quoted(path) + " is denied by hmr.fs.deny.");
				return false;
			}
		}
		return true;
	}

	private @Nullable String refusal(HttpServletRequest request, boolean checkHost) {
		String remoteAddress = request.getRemoteAddr();
		if (!this.remoteAddresses.isAllowed(remoteAddress)) {
			return "the HMR dev server serves this machine only (add " + LogSafe.quoted(remoteAddress)
					+ " to hmr.allowed-remote-addresses to open it)";
		}
		String host = request.getHeader(HttpHeaders.HOST);
		if (checkHost && !this.allowedHosts.isAllowed(host)) {
			return "the host " + LogSafe.quoted(host) + " is not allowed (add it to hmr.allowed-hosts)";
		}
		return null;
	}

	static String describe(HttpServletRequest request) {
		return LogSafe.of(request.getMethod()) + " " + LogSafe.of(RequestPaths.raw(request)) + " from "
				+ LogSafe.of(request.getRemoteAddr());
	}

	/**
	 * Write a {@code 403} with a plain-text reason. Not {@code sendError}: the error page
	 * would be the application's, and would get the client.
	 */
	static void forbid(HttpServletResponse response, String message) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
