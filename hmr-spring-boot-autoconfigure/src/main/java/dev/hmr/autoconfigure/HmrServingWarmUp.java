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
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.WebServer;
import org.springframework.core.env.Environment;

import dev.hmr.client.HmrClientScript;
import dev.hmr.serve.WarmUpModules;
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
 * client into a scratch page, in process.
 * <p>
 * Then, in quiet moments only, rounds of requests for the {@link WarmUpModules scratch
 * modules}: each round saves the bottom of their chain anew and asks for the stylesheets
 * and every module re-stamped ({@code ?t=}, transformed again) and revalidated
 * ({@code 304}), as a hot update's re-imports and a reload do (no page: serving one would
 * drop a {@code full-reload} the channel keeps for the next browser), so that the JIT
 * compiles that path before a first edit needs it. On two cores, with
 * {@code spring-boot:run}'s {@code -XX:TieredStopAtLevel=1}, the 50 rounds take about a
 * second of one core, and a JS edit at the bottom of a 10-module chain reached the DOM in
 * 0.66–0.73× the time it took without them (0.60–0.68× Vite's); 150 rounds bought no
 * more. Nothing is requested of the application's own pages, and any failure is only
 * logged at debug level: the first page is then as slow as without it.
 */
final class HmrServingWarmUp implements Consumer<Runnable> {

	private static final Log logger = LogFactory.getLog(HmrServingWarmUp.class);

	private static final int TIMEOUT_MILLIS = 5_000;

	private static final int TRANSFORM_ROUNDS = 50;

	/**
	 * Rounds of requests for the scratch modules, each of {@code 2 ×}
	 * {@link WarmUpModules#CHAIN} {@code + 4} requests.
	 */
	static final int MODULE_ROUNDS = 50;

	/** A timestamp of the HMR clock's thirteen digits, as a hot update's {@code ?t=}. */
	private static final long FIRST_TIMESTAMP = 1_700_000_000_000L;

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

	private final @Nullable WarmUpModules modules;

	HmrServingWarmUp(Supplier<@Nullable WebServer> webServer, Environment environment, String contextPath,
			HtmlClientInjector injector, @Nullable WarmUpModules modules) {
		this.webServer = webServer;
		this.environment = environment;
		this.contextPath = contextPath;
		this.injector = injector;
		this.modules = modules;
	}

	/**
	 * Run the warm-up on this thread.
	 * @param pause waits for a quiet moment
	 */
	@Override
	public void accept(Runnable pause) {
		try {
			this.injector.inject("<!doctype html>\n<html><head><title>warm-up</title></head><body></body></html>\n");
			transformScratchModules();
			URI uri = clientUri();
			if (uri != null) {
				request(uri, Map.of());
				if (this.modules != null) {
					requestModules(uri.resolve(this.contextPath + WarmUpModules.PATH), this.modules, pause);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("The HMR serving warm-up failed; a first page is only slower", ex);
		}
		finally {
			if (this.modules != null) {
				this.modules.close();
			}
		}
	}

	private void requestModules(URI folder, WarmUpModules modules, Runnable pause) throws IOException {
		long start = System.nanoTime();
		for (int round = 1; round <= MODULE_ROUNDS && !Thread.currentThread().isInterrupted(); round++) {
			// a look before every request or two costs a clock read: a page asked for
			// meanwhile waits for one request at most, not for a round
			pause.run();
			modules.change(round);
			request(folder.resolve("link.css"), Map.of("Accept", "text/css,*/*;q=0.1"));
			request(folder.resolve("part.css"), Map.of("Accept", "text/css,*/*;q=0.1"));
			for (String name : modules.moduleNames()) {
				pause.run();
				// as a hot update re-imports them; HttpURLConnection drops
				// Sec-Fetch-Dest, so the imported stylesheet is marked ?import,
				// as Vite's client can mark it
				String query = name.endsWith(".css") ? "?import&t=" : "?t=";
				URI module = folder.resolve(name + query + (FIRST_TIMESTAMP + round));
				String etag = request(module, Map.of("Accept", "*/*"));
				if (etag != null) {
					request(module, Map.of("Accept", "*/*", "If-None-Match", etag));
				}
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("HMR serving warm-up: " + MODULE_ROUNDS + " rounds of module requests in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms");
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

	/**
	 * Send a request on a kept-alive connection, read the answer whole.
	 * @return the answer's ETag, or {@code null}
	 */
	private @Nullable String request(URI uri, Map<String, String> headers) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
		connection.setConnectTimeout(TIMEOUT_MILLIS);
		connection.setReadTimeout(TIMEOUT_MILLIS);
		connection.setInstanceFollowRedirects(false);
		connection.setRequestProperty("Accept", "*/*");
		headers.forEach(connection::setRequestProperty);
		int status = connection.getResponseCode();
		// read whole and closed, not disconnected: the next request reuses the connection
		InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream();
		if (body != null) {
			try (body) {
				body.transferTo(OutputStream.nullOutputStream());
			}
		}
		if (status != 200 && status != 304) {
			throw new IOException(uri + " answered " + status);
		}
		return connection.getHeaderField("ETag");
	}

}
