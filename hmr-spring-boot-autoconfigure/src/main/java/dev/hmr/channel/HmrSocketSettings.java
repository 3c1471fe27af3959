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

package dev.hmr.channel;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where and how a browser opens the HMR socket: what the browser client needs to fill in
 * Vite's {@code __HMR_*__} and {@code __WS_TOKEN__} placeholders. Absent values mean "the
 * page's own", as in Vite.
 *
 * @param token the token the browser sends as {@code ?token=} ({@code __WS_TOKEN__})
 * @param contextPath the servlet context path of the application, {@code ""} for the
 * root, else starting and not ending with {@code /}
 * @param path the socket's path as the browser requests it, servlet context path included
 * ({@code __HMR_BASE__})
 * @param protocol {@code ws} or {@code wss}, or absent: {@code wss} on https pages
 * ({@code __HMR_PROTOCOL__})
 * @param host the host name the browser connects to, or absent: the page's
 * ({@code __HMR_HOSTNAME__})
 * @param port the port of a dedicated HMR listener, or absent: the application's own
 * @param clientPort the port the browser connects to when it differs from {@code port} (a
 * proxy or a container's port mapping), or absent
 * @param timeout interval of the browser's keep-alive pings ({@code __HMR_TIMEOUT__})
 * @since 0.1.0
 */
public record HmrSocketSettings(HmrToken token, String contextPath, String path, @Nullable String protocol,
		@Nullable String host, @Nullable Integer port, @Nullable Integer clientPort, Duration timeout) {

	public HmrSocketSettings {
		Assert.notNull(token, "'token' must not be null");
		Assert.notNull(contextPath, "'contextPath' must not be null");
		Assert.notNull(path, "'path' must not be null");
		Assert.notNull(timeout, "'timeout' must not be null");
	}

	/**
	 * The port the browser connects to ({@code __HMR_PORT__}): {@code clientPort}, else
	 * {@code port}.
	 * @return the port, or {@code null} for the page's own
	 */
	public @Nullable Integer browserPort() {
		return (this.clientPort != null) ? this.clientPort : this.port;
	}

	/**
	 * The URL a browser on a given page opens, without its {@code ?token=}: what Vite's
	 * client computes from these settings and the page's location.
	 * @param secure whether the page was served over https
	 * @param pageHost the page's host name
	 * @param pagePort the page's port
	 * @return the socket's URL
	 */
	public URI socketUri(boolean secure, String pageHost, int pagePort) {
		Assert.hasText(pageHost, "'pageHost' must not be empty");
		String scheme = (this.protocol != null) ? this.protocol : (secure ? "wss" : "ws");
		String hostName = (this.host != null) ? this.host : pageHost;
		Integer port = browserPort();
		return UriComponentsBuilder.newInstance()
			.scheme(scheme)
			.host(hostName)
			.port((port != null) ? port : pagePort)
			.path(this.path)
			.build()
			.toUri();
	}

}
