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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.WebServer;
import org.springframework.core.env.Environment;

import dev.hmr.client.HmrClientScript;
import dev.hmr.transform.CssModuleTransformer;
import dev.hmr.transform.HtmlClientInjector;
import dev.hmr.transform.JsModuleTransformer;
import dev.hmr.transform.SpecifierResolver;

/**
 * Sends the application, over loopback, the one request of a first page that is the
 * starter's own and has no effect: {@code GET /@vite/client}. It goes through the
 * container, the application's filters (security included), the {@code DispatcherServlet}
 * and the starter's handler, whose classes a first page would otherwise load and
 * initialise while the browser waits (on a machine of two cores, a first page after a
 * start took 100 to 160 ms before the first byte, against 10 after). Then it injects the
 * client into a scratch page, in process. Nothing is requested of the application's own
 * pages, and any failure is only logged at debug level: the first page is then as slow as
 * without it.
 */
final class HmrServingWarmUp implements Runnable {

	private static final Log logger = LogFactory.getLog(HmrServingWarmUp.class);

	private static final int TIMEOUT_MILLIS = 5_000;

	private static final int TRANSFORM_ROUNDS = 50;

	private static final String SCRATCH_MODULE = """
			import { a } from './a.js';
			import * as b from "../b/b.js";
			export const c = a + b.v;
			const d = await import('./d.js');
			document.getElementById('out').textContent = `${c} ${d}`;
			if (import.meta.hot) {
				import.meta.hot.accept('./a.js', (m) => console.log(m));
				import.meta.hot.accept();
			}
			""";

	private static final String SCRATCH_STYLESHEET = """
			@import "./part.css";
			@import url(theme.css) screen;
			body { color: red; }
			""";

	private final Supplier<@Nullable WebServer> webServer;

	private final Environment environment;

	private final String contextPath;

	private final HtmlClientInjector injector;

	HmrServingWarmUp(Supplier<@Nullable WebServer> webServer, Environment environment, String contextPath,
			HtmlClientInjector injector) {
		this.webServer = webServer;
		this.environment = environment;
		this.contextPath = contextPath;
		this.injector = injector;
	}

	@Override
	public void run() {
		try {
			this.injector.inject("<!doctype html>\n<html><head><title>warm-up</title></head><body></body></html>\n");
			transformScratchModules();
			URI uri = clientUri();
			if (uri != null) {
				request(uri);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("The HMR serving warm-up failed; a first page is only slower", ex);
		}
	}

	private void transformScratchModules() {
		JsModuleTransformer js = new JsModuleTransformer();
		CssModuleTransformer css = new CssModuleTransformer("/");
		SpecifierResolver resolver = SpecifierResolver.relative();
		SpecifierResolver stylesheets = SpecifierResolver.stylesheet("/");
		for (int i = 0; i < TRANSFORM_ROUNDS; i++) {
			js.transform(SCRATCH_MODULE, "/@hmr-warm-up/main.js", resolver, (url) -> 0);
			css.rewriteImports(SCRATCH_STYLESHEET, "/@hmr-warm-up/site.css", stylesheets, (url) -> 0);
		}
	}

	/**
	 * The client's URL on the application's port, or {@code null} when there is no plain
	 * HTTP listener to send it to.
	 */
	@Nullable URI clientUri() {
		WebServer server = this.webServer.get();
		if (server == null || server.getPort() <= 0
				|| this.environment.getProperty("server.ssl.enabled", Boolean.class, false)
				|| this.environment.getProperty("server.ssl.bundle") != null) {
			return null;
		}
		String address = this.environment.getProperty("server.address");
		String host = (address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::"))
				? "localhost" : address.trim();
		if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		return URI.create("http://" + host + ":" + server.getPort() + this.contextPath + HmrClientScript.CLIENT_PATH);
	}

	private void request(URI uri) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
		try {
			connection.setConnectTimeout(TIMEOUT_MILLIS);
			connection.setReadTimeout(TIMEOUT_MILLIS);
			connection.setInstanceFollowRedirects(false);
			connection.setRequestProperty("Accept", "*/*");
			int status = connection.getResponseCode();
			InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream();
			if (body != null) {
				try (body) {
					body.transferTo(OutputStream.nullOutputStream());
				}
			}
			if (logger.isDebugEnabled()) {
				logger.debug("HMR serving warm-up: " + uri + " answered " + status);
			}
		}
		finally {
			connection.disconnect();
		}
	}

}
