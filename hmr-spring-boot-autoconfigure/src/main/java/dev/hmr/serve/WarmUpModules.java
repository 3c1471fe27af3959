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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.hmr.access.HmrAccessGuard;
import dev.hmr.channel.InMemoryServerHotChannel;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.FileChangeKind;

/**
 * A few scratch modules served at {@value #PATH} through the same Spring MVC resource
 * chain, resolver and transformer classes as the source roots, so that the start-up
 * warm-up can send them real requests and the JIT compiles what a page's modules and a
 * hot update's re-imports run: Tomcat's request parsing, the filters, the handler
 * mapping, the resource handler, the transform and its cache, the {@code 304}. The
 * modules live in a temporary folder of their own, outside the source roots and the
 * watcher, and are recorded in a module graph of their own by a transformer of their own,
 * without the application's plugins: the application's graph, its plugins and its
 * browsers never see them. The folder is removed once the warm-up is over, after which
 * the path answers {@code 404}.
 */
public final class WarmUpModules implements WebMvcConfigurer {

	/** Where the modules are served, within the application. */
	public static final String PATH = HmrAccessGuard.WARM_UP_PATH;

	/** The modules of the chain {@code w0.js} → … → {@code w9.js}. */
	public static final int CHAIN = 10;

	private static final Log logger = LogFactory.getLog(WarmUpModules.class);

	private final Path root;

	private final Path folder;

	private final HmrModuleTransformer transformer;

	private final AtomicBoolean closed = new AtomicBoolean();

	private WarmUpModules(Path root, String contextPath, boolean transformCache) throws IOException {
		this.root = root;
		this.folder = Files.createDirectories(root.resolve(PATH.substring(1, PATH.length() - 1)));
		this.transformer = new HmrModuleTransformer(new ModuleGraph(), new InMemoryServerHotChannel(), new HmrClock(),
				List.of(), List.of(root), contextPath);
		this.transformer.setTransformCache(transformCache);
		write("w0.js", """
				import { v1 } from './w1.js';
				import './style.css';
				document.getElementById('out').textContent = `v=${v1}`;
				if (import.meta.hot) {
					import.meta.hot.accept();
				}
				""");
		for (int i = 1; i < CHAIN - 1; i++) {
			write("w" + i + ".js", "import { v" + (i + 1) + " } from './w" + (i + 1) + ".js';\nexport const v" + i
					+ " = v" + (i + 1) + ";\n");
		}
		change(0);
		write("style.css", "#out { color: red; }\n");
		write("link.css", "@import \"./part.css\";\nbody { margin: 0; }\n");
		write("part.css", "p { padding: 0; }\n");
	}

	/**
	 * Write the modules in a new temporary folder.
	 * @param contextPath the servlet context path: empty, or such as {@code /app}
	 * @param transformCache whether the application's transformer keeps its answers
	 * ({@code hmr.transform-cache}), so that the warm-up runs what the application does
	 * @return the modules, or {@code null} if they could not be written (the warm-up then
	 * goes without them)
	 */
	public static @Nullable WarmUpModules create(String contextPath, boolean transformCache) {
		Assert.notNull(contextPath, "'contextPath' must not be null");
		Path root = null;
		try {
			root = Files.createTempDirectory("hmr-warm-up").toRealPath();
			return new WarmUpModules(root, contextPath, transformCache);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not write the HMR warm-up modules; the warm-up goes without them", ex);
			if (root != null) {
				delete(root);
			}
			return null;
		}
	}

	/**
	 * The names of the chain's modules and of the stylesheet its entry imports, entry
	 * first, relative to {@value #PATH}.
	 * @return the names
	 */
	public List<String> moduleNames() {
		List<String> names = new ArrayList<>(CHAIN + 1);
		for (int i = 0; i < CHAIN; i++) {
			names.add("w" + i + ".js");
		}
		names.add("style.css");
		return names;
	}

	/**
	 * The filter that answers the modules' kept answers ahead of Spring MVC, as
	 * {@link HmrModuleTransformer#cachedModuleFilter} does the application's: a
	 * revalidated module is answered by the same code.
	 * @param admitted whether the resource handler's guard lets a request through
	 * @return the filter, for {@value #PATH}{@code *} only
	 */
	public Filter cachedModuleFilter(Predicate<HttpServletRequest> admitted) {
		return this.transformer.cachedModuleFilter(admitted);
	}

	/**
	 * Save the bottom of the chain anew, as an edit would, and forget every answer made
	 * before, as a change of a watched file makes the application's transformer do.
	 * @param version the value the bottom module exports
	 * @throws IOException if the module cannot be written
	 */
	public void change(int version) throws IOException {
		Path leaf = write("w" + (CHAIN - 1) + ".js", "export const v" + (CHAIN - 1) + " = " + version + ";\n");
		this.transformer.onApplicationEvent(
				new FileChangeEvent(this, leaf, this.root, FileChangeKind.MODIFIED, System.currentTimeMillis()));
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		SourceResourceConfigurer.addSourceHandler(registry, PATH + "**", List.of(this.folder.toUri().toString()),
				new SourceFiles(List.of(this.root), List.of()), List.of(this.transformer));
	}

	/**
	 * Remove the modules: the warm-up is over, or the application stops.
	 */
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			delete(this.root);
		}
	}

	private static void delete(Path root) {
		try {
			FileSystemUtils.deleteRecursively(root);
		}
		catch (IOException ex) {
			logger.debug("Could not remove the HMR warm-up modules in " + root, ex);
		}
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.folder.resolve(name), text, StandardCharsets.UTF_8);
	}

}
