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

package dev.hmr.typescript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.hmr.access.LogSafe;
import dev.hmr.transform.SourceSyntaxException;

/**
 * Compiles {@code .ts}, {@code .mts}, {@code .tsx} and {@code .jsx} modules (and
 * {@code .js} ones when {@link JsxOptions#inJs() JSX in .js} is on) to JavaScript with an
 * inline source map, before the module transform lexes and rewrites them, as Vite's
 * {@code vite:oxc} step does: types are stripped, not checked; imports and
 * {@code import.meta.hot} are kept as written. SWC's native library is loaded on first
 * use or by {@link #warmUp()}; when it cannot be loaded (no native artifact for this
 * platform), one warning is logged and such modules fail with
 * {@link UnavailableException}, while {@code .js} keeps working.
 * <p>
 * Results are kept per module URL and source text, so a request for an unchanged file (a
 * 304 revalidation, a second page) does not compile it again.
 *
 * @since 0.1.0
 */
public class TypeScriptTranspiler {

	/** The plugin name errors of this step carry, as Vite's {@code vite:oxc}. */
	public static final String PLUGIN_NAME = "hmr:typescript";

	private static final Log logger = LogFactory.getLog(TypeScriptTranspiler.class);

	private static final String SOURCE_MAP_PREFIX = "//# sourceMappingURL=data:application/json;base64,";

	private static final int MAX_CACHED = 4096;

	/** SWC names its one source by the specifier it was given. */
	private static final Pattern SOURCES = Pattern.compile("\"sources\":\\[\"(?:[^\"\\\\]|\\\\.)*\"]");

	private final JsxOptions jsx;

	private final Supplier<Swc4jEngine> loader;

	private final Object lock = new Object();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final AtomicLong transpiled = new AtomicLong();

	private volatile @Nullable Swc4jEngine engine;

	private volatile @Nullable UnavailableException unavailable;

	private volatile @Nullable SourceStep jsxSourceStep;

	/**
	 * Create a transpiler.
	 * @param jsx how JSX is compiled
	 */
	public TypeScriptTranspiler(JsxOptions jsx) {
		// a lambda, not a constructor reference: the reference would link Swc4jEngine,
		// and
		// so swc4j, when this is made, and an application without swc4j would not start
		this(jsx, () -> new Swc4jEngine());
	}

	/**
	 * Create a transpiler with its engine's loader: a test's way to be a platform with no
	 * native library.
	 */
	TypeScriptTranspiler(JsxOptions jsx, Supplier<Swc4jEngine> loader) {
		Assert.notNull(jsx, "'jsx' must not be null");
		Assert.notNull(loader, "'loader' must not be null");
		this.jsx = jsx;
		this.loader = loader;
	}

	/**
	 * Set a step that runs on the source of each JSX module ({@code .jsx}, {@code .tsx})
	 * before it is compiled, such as the component-refresh registration; the result is
	 * kept with the compiled code.
	 * @param jsxSourceStep the step, or {@code null} for none
	 */
	public void setJsxSourceStep(@Nullable SourceStep jsxSourceStep) {
		this.jsxSourceStep = jsxSourceStep;
		this.cache.clear();
	}

	/**
	 * Whether a file is compiled before it is served.
	 * @param filename the file name or URL path, without query
	 * @return whether it is TypeScript or JSX
	 */
	public boolean handles(String filename) {
		return SourceKind.of(withoutQuery(filename), this.jsx.inJs()) != null;
	}

	private static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	/**
	 * Compile a module, or answer the result kept for the same source.
	 * @param source the module's source
	 * @param url the module's canonical URL, whose file name says what the source is
	 * @param file the module's file, named in JSX's development locations, if known
	 * @return the JavaScript, ending with an inline source map whose source is the
	 * module's file name
	 * @throws SourceSyntaxException if the source does not parse, at the offending offset
	 * of {@code source}
	 * @throws UnavailableException if SWC's native library cannot be loaded
	 */
	public String transpile(String source, String url, @Nullable Path file) {
		Assert.notNull(source, "'source' must not be null");
		Assert.hasText(url, "'url' must not be empty");
		String path = withoutQuery(url);
		Cached cached = this.cache.get(path);
		if (cached != null && cached.source().equals(source)) {
			return cached.code();
		}
		SourceKind kind = SourceKind.of(path, this.jsx.inJs());
		Assert.isTrue(kind != null, () -> "Not TypeScript or JSX: " + url);
		Swc4jEngine swc = engine();
		URL specifier = specifier(url, file);
		SourceStep step = this.jsxSourceStep;
		String input = (step != null && kind.isJsx()) ? step.apply(source, url) : source;
		String code;
		try {
			code = swc.transpile(input, specifier, kind, this.jsx);
		}
		catch (TranspileException ex) {
			throw new SourceSyntaxException(ex.getMessage(), offset(source, ex.getLine(), ex.getColumn()));
		}
		this.transpiled.incrementAndGet();
		code = relativeSourceMap(code, fileName(url));
		if (this.cache.size() >= MAX_CACHED) {
			this.cache.clear();
		}
		this.cache.put(path, new Cached(source, code));
		return code;
	}

	/**
	 * Load SWC's native library now, off the request path (the warm-up thread), so the
	 * first module does not wait for it. Logs the same warning as a first use when it
	 * cannot be loaded.
	 */
	public void warmUp() {
		try {
			engine().transpile("export const a: number = 1;\n", URI.create("file:///warm-up.ts").toURL(), SourceKind.TS,
					this.jsx);
		}
		catch (UnavailableException | MalformedURLException ex) {
			// logged once by engine()
		}
	}

	/**
	 * Whether a folder holds a file this transpiler would compile: the warm-up loads the
	 * native library only then.
	 * @param roots the served roots
	 * @return whether one of the first files found (at most a few thousand, a few levels
	 * deep) is TypeScript or JSX
	 */
	public boolean anySourceIn(List<Path> roots) {
		for (Path root : roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root, 8)) {
				if (files.limit(5_000)
					.anyMatch((file) -> handles(file.getFileName().toString())
							&& !file.getFileName().toString().endsWith(".js"))) {
					return true;
				}
			}
			catch (IOException | UncheckedIOException ex) {
				logger.debug("Could not look for TypeScript in " + root, ex);
			}
		}
		return false;
	}

	/**
	 * Whether SWC's native library is loaded and works.
	 * @return whether TypeScript can be compiled; {@code false} before the first use
	 */
	public boolean isLoaded() {
		return this.engine != null;
	}

	/**
	 * How many times a module was compiled since start (cached answers not counted).
	 * @return the count
	 */
	public long getTranspileCount() {
		return this.transpiled.get();
	}

	private Swc4jEngine engine() {
		Swc4jEngine loaded = this.engine;
		if (loaded != null) {
			return loaded;
		}
		synchronized (this.lock) {
			if (this.engine == null && this.unavailable == null) {
				long start = System.nanoTime();
				try {
					Swc4jEngine created = this.loader.get();
					if (logger.isDebugEnabled()) {
						logger.debug("Loaded swc4j " + created.version() + " for TypeScript and JSX in "
								+ (System.nanoTime() - start) / 1_000_000 + " ms");
					}
					this.engine = created;
				}
				catch (LinkageError | RuntimeException ex) {
					String message = "TypeScript and JSX modules cannot be served: swc4j or SWC's native library did"
							+ " not load (" + ex
							+ "). Add com.caoccao.javet:swc4j and the native artifact of this platform "
							+ "(such as com.caoccao.javet:swc4j-macos-arm64) to the development class path; "
							+ ".js modules keep working";
					logger.warn(LogSafe.of(message, 2000));
					this.unavailable = new UnavailableException(message, ex);
				}
			}
			UnavailableException failure = this.unavailable;
			if (failure != null) {
				throw failure;
			}
			return this.engine;
		}
	}

	private static URL specifier(String url, @Nullable Path file) {
		try {
			if (file != null) {
				return file.toUri().toURL();
			}
			String path = url.startsWith("/") ? url : "/" + url;
			int query = path.indexOf('?');
			return URI.create("file://" + ((query >= 0) ? path.substring(0, query) : path)).toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			try {
				return URI.create("file:///module.ts").toURL();
			}
			catch (MalformedURLException never) {
				throw new IllegalStateException(never);
			}
		}
	}

	private static String fileName(String url) {
		String path = withoutQuery(url);
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * The code with its inline source map naming the module's own file name rather than
	 * SWC's specifier, as Vite's maps do: the browser resolves it against the module's
	 * URL, so devtools show the source beside the module.
	 */
	static String relativeSourceMap(String code, String fileName) {
		int start = code.lastIndexOf(SOURCE_MAP_PREFIX);
		if (start < 0) {
			return code;
		}
		int dataStart = start + SOURCE_MAP_PREFIX.length();
		int end = code.indexOf('\n', dataStart);
		end = (end < 0) ? code.length() : end;
		String json;
		try {
			json = new String(Base64.getDecoder().decode(code.substring(dataStart, end).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return code;
		}
		String named = SOURCES.matcher(json)
			.replaceFirst(Matcher.quoteReplacement("\"sources\":[" + jsonString(fileName) + "]"));
		if (named.equals(json)) {
			return code;
		}
		return code.substring(0, dataStart) + Base64.getEncoder().encodeToString(named.getBytes(StandardCharsets.UTF_8))
				+ code.substring(end);
	}

	private static String jsonString(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * The offset of a 1-based line and column; 0 when SWC named none.
	 */
	static int offset(String source, int line, int column) {
		if (line <= 0) {
			return 0;
		}
		int offset = 0;
		for (int current = 1; current < line; current++) {
			int next = source.indexOf('\n', offset);
			if (next < 0) {
				return source.length();
			}
			offset = next + 1;
		}
		return Math.min(source.length(), offset + Math.max(0, column - 1));
	}

	/**
	 * A step run on a module's source before it is compiled.
	 */
	@FunctionalInterface
	public interface SourceStep {

		/**
		 * Process a source. A step that adds code must not move the source's lines, so
		 * that syntax errors and the source map still point at the file as written; one
		 * that cannot parse the source returns it as it is, for the compiler to report.
		 * @param source the module's source
		 * @param url the module's canonical URL
		 * @return the source to compile
		 */
		String apply(String source, String url);

	}

	/**
	 * TypeScript or JSX cannot be compiled here: SWC's native library did not load. The
	 * module answers 500; the warning was logged once.
	 */
	public static class UnavailableException extends RuntimeException {

		UnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private record Cached(String source, String code) {

	}

}
