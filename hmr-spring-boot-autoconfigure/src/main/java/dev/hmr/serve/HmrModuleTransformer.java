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

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

import dev.hmr.access.LogSafe;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.graph.ModuleNode;
import dev.hmr.graph.ModuleType;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.PrunePayload;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.plugin.HmrPluginException;
import dev.hmr.plugin.ModuleIds;
import dev.hmr.transform.CssModuleTransformer;
import dev.hmr.transform.EsModuleLexer;
import dev.hmr.transform.ImportSpecifier;
import dev.hmr.transform.JsModuleTransformer;
import dev.hmr.transform.ModuleUrls;
import dev.hmr.transform.SourceSyntaxException;
import dev.hmr.transform.SpecifierResolver;
import dev.hmr.transform.TransformedModule;
import dev.hmr.typescript.TypeScriptTranspiler;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.FileChangeKind;

/**
 * Turns served files into what the browser's module graph needs, and records each module
 * in the server's {@link ModuleGraph} as it is served (Vite's import analysis):
 * <ul>
 * <li>JavaScript modules: plugins' {@code transform} hooks, then imports resolved to
 * canonical URLs (with {@code ?t=} once a module was hot-updated), accepted deps
 * rewritten, and the hot context for modules that use {@code import.meta.hot};</li>
 * <li>a stylesheet requested by a {@code <link>} ({@code Accept: text/css}): served as
 * CSS, recorded as {@code /x.css?direct} with its {@code @import}s, at any depth, so a
 * change of it or of one it imports gives a {@code css-update} for it;</li>
 * <li>a stylesheet imported from JavaScript: a module that injects a {@code <style>} and
 * accepts its own updates;</li>
 * <li>any file a plugin's {@code load} hook answers for, and assets imported from
 * JavaScript ({@code ?import}), as modules.</li>
 * </ul>
 * A module that drops an import of a module nothing else imports makes that module
 * pruned. A failure answers 500 and sends an {@code error} payload for the overlay.
 * <p>
 * Under a servlet context path, as Vite under a {@code base}: the context path is
 * stripped from request URLs once, here, so the module graph, the hot context and
 * accepted deps use URLs without it, and it is put back in front of every URL the browser
 * requests (imports, the client).
 *
 * @since 0.1.0
 */
public class HmrModuleTransformer implements ResourceTransformer, ApplicationListener<FileChangeEvent>, Ordered {

	private static final Log logger = LogFactory.getLog(HmrModuleTransformer.class);

	private static final String IMPORT_ANALYSIS = "hmr:import-analysis";

	private static final int MAX_MISSING = 1000;

	private static final Set<String> SCRIPT_DESTINATIONS = Set.of("script", "worker", "sharedworker", "serviceworker",
			"audioworklet", "paintworklet");

	private final ModuleGraph graph;

	private final ServerHotChannel channel;

	private final HmrClock clock;

	private final List<HmrPlugin> plugins;

	private final String base;

	private final SourceFiles files;

	private final ModuleFileResolver fileResolver;

	/** Resolves imports with the plugins' resolveId hooks first, then as files. */
	private final PluginResolver pluginResolver;

	/**
	 * Resolves a module's imports: {@link #pluginResolver}, and bare ones through the
	 * import map.
	 */
	private SpecifierResolver resolver;

	private final SpecifierResolver stylesheetResolver;

	private final JsModuleTransformer jsTransformer;

	private final CssModuleTransformer cssTransformer;

	private @Nullable TypeScriptTranspiler typeScript;

	private final ToLongFunction<String> timestamps = this::timestampOf;

	private final ToLongFunction<Path> fileTimestamps = this::fileTimestampOf;

	private TransformCache cache = new TransformCache(true);

	/** Module URLs requested and not found, until a file answers them. */
	private final Set<String> missingUrls = ConcurrentHashMap.newKeySet();

	/**
	 * Create a transformer.
	 * @param graph the module graph it records served modules in
	 * @param channel where prune and error payloads go
	 * @param clock the HMR clock, for prune timestamps
	 * @param plugins the plugins whose {@code load} and {@code transform} hooks run, in
	 * order
	 * @param roots the served source roots, to find the file behind an imported URL
	 * @param contextPath the servlet context path: empty, or such as {@code /app}
	 */
	public HmrModuleTransformer(ModuleGraph graph, ServerHotChannel channel, HmrClock clock, List<HmrPlugin> plugins,
			List<Path> roots, String contextPath) {
		Assert.notNull(graph, "'graph' must not be null");
		Assert.notNull(channel, "'channel' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		Assert.notNull(plugins, "'plugins' must not be null");
		Assert.notNull(roots, "'roots' must not be null");
		Assert.isTrue(
				contextPath != null
						&& (contextPath.isEmpty() || contextPath.startsWith("/") && !contextPath.endsWith("/")),
				"'contextPath' must be empty or start with '/' and not end with '/'");
		this.graph = graph;
		this.channel = channel;
		this.clock = clock;
		this.plugins = List.copyOf(plugins);
		this.base = contextPath + "/";
		this.files = new SourceFiles(roots, List.of());
		this.fileResolver = new ModuleFileResolver(SpecifierResolver.relative(this.base), this.files);
		this.pluginResolver = new PluginResolver(this.fileResolver, this.plugins, roots, this::fileOf);
		this.resolver = this.pluginResolver;
		this.stylesheetResolver = SpecifierResolver.stylesheet(this.base);
		this.jsTransformer = new JsModuleTransformer(this.base);
		this.cssTransformer = new CssModuleTransformer(this.base);
	}

	/**
	 * Compile TypeScript and JSX modules before they are transformed.
	 * @param typeScript the transpiler, or {@code null} to serve such files as they are
	 */
	public void setTypeScriptTranspiler(@Nullable TypeScriptTranspiler typeScript) {
		this.typeScript = typeScript;
	}

	/**
	 * Keep transformed modules until a file changes or an import they name is
	 * hot-updated, so that a request for an unchanged module reads and transforms
	 * nothing; on by default.
	 * @param enabled whether to keep them
	 */
	public void setTransformCache(boolean enabled) {
		this.cache = new TransformCache(enabled);
	}

	/**
	 * Fail on a served module's bare import that no import map names (Vite's "Failed to
	 * resolve import"), instead of leaving it for the browser.
	 * @param mapped whether an import map names a bare specifier
	 */
	public void setImportMap(Predicate<String> mapped) {
		Assert.notNull(mapped, "'mapped' must not be null");
		this.resolver = new ImportResolver(this.pluginResolver, mapped);
	}

	/**
	 * First among the listeners of file changes: the cached modules are stale before any
	 * payload tells a browser to fetch them again.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
			throws IOException {
		Resource resolved = chain.transform(request, resource);
		String filename = resolved.getFilename();
		if (filename == null) {
			return resolved;
		}
		String extension = extension(filename);
		if (extension.equals("html") || extension.equals("htm")) {
			return resolved;
		}
		String url = ModuleUrls.canonicalUrl(pathWithinApplication(request));
		@Nullable Path file = fileOf(resolved);
		TransformCache.Key key = cacheKey(request, url, file);
		if (key != null) {
			ModuleResource cached = this.cache.get(key, file);
			if (cached != null) {
				// recorded in the graph when it was made; nothing it depends on changed
				return cached;
			}
		}
		// read before the file is: a save from here on leaves the answer stale
		long generation = this.cache.generation();
		TransformCache.Stamp stamp = (key != null && file != null) ? TransformCache.stamp(file) : null;
		TransformCache.Dependencies dependencies = new TransformCache.Dependencies();
		Resource served = serve(request, resolved, url, file, filename, extension, dependencies);
		if (key != null && file != null && served instanceof ModuleResource module) {
			this.cache.put(key, file, generation, stamp, module, dependencies);
		}
		return served;
	}

	private Resource serve(HttpServletRequest request, Resource resolved, String url, @Nullable Path file,
			String filename, String extension, TransformCache.Dependencies dependencies) throws IOException {
		String id = (file != null) ? file.toString() : url;
		try {
			if (extension.equals("css")) {
				if (isStylesheetRequest(request)) {
					return serveStylesheet(request, resolved, url, file, filename, dependencies);
				}
				// A fetch() or a plain GET gets the file as it is and records nothing
				return isModuleRequest(request) ? serveCssModule(resolved, url, file, id, filename, dependencies)
						: resolved;
			}
			TypeScriptTranspiler typeScript = this.typeScript;
			if (typeScript != null && typeScript.handles(filename)) {
				return serveJs(runTransformHooks(transpile(typeScript, read(resolved), url, file, id), id), url, file,
						filename, dependencies);
			}
			if (extension.equals("js") || extension.equals("mjs")) {
				return serveJs(runTransformHooks(read(resolved), id), url, file, filename, dependencies);
			}
			if (!isModuleRequest(request)) {
				// Plugins' load and transform output is for imports only, as in Vite:
				// fetch('/data/menu.json') gets the JSON
				return resolved;
			}
			String loaded = runLoadHooks(id);
			if (loaded != null) {
				return serveJs(runTransformHooks(loaded, id), url, file, filename, dependencies);
			}
			if (hasParameter(request, "import")) {
				return serveAssetModule(url, file, filename);
			}
			return resolved;
		}
		catch (ModuleTransformException ex) {
			throw ex;
		}
		catch (NoSuchFileException | FileNotFoundException ex) {
			// Deleted after it was resolved (an editor's save, a branch switch): the file
			// is gone, as the next request would find; not an error of the code to
			// overlay
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, url + " was deleted while it was served", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw fail(error(ex, IMPORT_ANALYSIS, id, null), ex, url);
		}
	}

	/**
	 * TypeScript or JSX compiled to JavaScript; a syntax error is reported at its place
	 * in the source, as the lexer's are.
	 */
	private String transpile(TypeScriptTranspiler typeScript, String source, String url, @Nullable Path file,
			String id) {
		try {
			return typeScript.transpile(source, url, file);
		}
		catch (SourceSyntaxException ex) {
			throw fail(syntaxError(ex, source, id, TypeScriptTranspiler.PLUGIN_NAME), ex, url);
		}
		catch (TypeScriptTranspiler.UnavailableException ex) {
			// the transpiler logged why, once: no stack for each request
			this.channel.send(new ErrorPayload(new HotError(ex.getMessage(), "", id, null,
					TypeScriptTranspiler.PLUGIN_NAME, null, null, Map.of())));
			throw new ModuleTransformException("Failed to serve " + url + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The handler of {@code /@id/…}: modules whose id is not a file, such as a plugin's
	 * virtual module ({@link dev.hmr.plugin.ModuleIds}), loaded by the plugins'
	 * {@code load} hooks and served through the same transform as files, so they are in
	 * the module graph and can use {@code import.meta.hot}.
	 * @return the handler
	 */
	public HttpRequestHandler moduleIdHandler() {
		return (request, response) -> {
			Resource module = serveModuleId(request);
			if (module == null) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			response.setContentType("text/javascript;charset=UTF-8");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
			module.getInputStream().transferTo(response.getOutputStream());
		};
	}

	/**
	 * A filter that answers a request for a module kept in the transform cache ahead of
	 * Spring MVC: the same bytes, type, ETag and {@code Cache-Control} as the resource
	 * handler sends, or 304 for a matching {@code If-None-Match}. Anything else (a module
	 * not kept or stale, a request the access guard would refuse, a range, a method other
	 * than GET) goes on to the chain. Register it after the application's security
	 * filters, so that what they protect stays protected.
	 * @param admitted whether the resource handler's guard lets a request through
	 * @return the filter
	 */
	public Filter cachedModuleFilter(Predicate<HttpServletRequest> admitted) {
		Assert.notNull(admitted, "'admitted' must not be null");
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				ModuleResource cached = cachedAnswer(request);
				if (cached == null || !admitted.test(request)) {
					chain.doFilter(request, response);
					return;
				}
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
				// sets the ETag, and 304 for a matching If-None-Match, as the resource
				// handler does
				if (new ServletWebRequest(request, response).checkNotModified(cached.getEtag())) {
					return;
				}
				byte[] bytes = cached.getByteArray();
				response.setContentType(cached.getContentType());
				response.setContentLength(bytes.length);
				response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
				response.getOutputStream().write(bytes);
			}

		};
	}

	private @Nullable ModuleResource cachedAnswer(HttpServletRequest request) {
		if (!this.cache.isEnabled() || !"GET".equals(request.getMethod())
				|| request.getHeader(HttpHeaders.RANGE) != null) {
			return null;
		}
		String url = ModuleUrls.canonicalUrl(pathWithinApplication(request));
		return this.cache.get(cacheKey(request, url), null);
	}

	private @Nullable Resource serveModuleId(HttpServletRequest request) {
		String url = ModuleUrls.canonicalUrl(pathWithinApplication(request));
		String id = ModuleIds.fromUrl(ModuleUrls.cleanUrl(url));
		String loaded = (id != null) ? runLoadHooks(id) : null;
		return (loaded != null)
				? serveJs(runTransformHooks(loaded, id), url, null, "module.js", new TransformCache.Dependencies())
				: null;
	}

	private Resource serveJs(String code, String url, @Nullable Path file, String filename,
			TransformCache.Dependencies dependencies) {
		TransformedModule module;
		try {
			module = this.jsTransformer.transform(code, url, this.resolver,
					(imported) -> dependencies.record(imported, this.timestamps));
		}
		catch (SourceSyntaxException ex) {
			throw fail(syntaxError(ex, code, (file != null) ? file.toString() : url, IMPORT_ANALYSIS), ex, url);
		}
		catch (ImportResolver.UnresolvedImportException ex) {
			throw fail(ImportResolver.error(ex, code, (file != null) ? file.toString() : url, IMPORT_ANALYSIS), ex,
					url);
		}
		catch (PluginResolver.ResolveIdException ex) {
			throw fail(error(ex.getException(), ex.getPlugin(), this.pluginResolver.idOf(url), null), ex, url);
		}
		ModuleNode node = this.graph.ensureModule(url, file, ModuleType.JS);
		record(node, jsModules(module.importedUrls()), jsModules(module.acceptedUrls()), module.acceptedExports(),
				module.isSelfAccepting());
		return new ModuleResource(module.code(), filename);
	}

	/**
	 * A stylesheet the browser asked for as a stylesheet. One a {@code <link>} names is
	 * recorded as {@code /x.css?direct}, self-accepting; one that another stylesheet
	 * {@code @import}s (its URL marked so when that one was served) has no {@code <link>}
	 * to swap, so it is recorded as its file's file-only entry, importing what it
	 * imports: a change anywhere below a {@code <link>} updates that link, as in Vite.
	 * Its {@code @import}s are rewritten to marked canonical URLs, with {@code ?t=} once
	 * updated, so the browser fetches a changed sheet again at any depth.
	 */
	private Resource serveStylesheet(HttpServletRequest request, Resource resource, String url, @Nullable Path file,
			String filename, TransformCache.Dependencies dependencies) throws IOException {
		TransformedModule stylesheet = this.cssTransformer.rewriteImports(read(resource), url, this.stylesheetResolver,
				(imported) -> stylesheetTimestampOf(imported, dependencies));
		ModuleNode node;
		if (!hasParameter(request, CssModuleTransformer.IMPORTED_MARKER)) {
			node = this.graph.ensureModule(withParameter(url, "direct"), file, ModuleType.CSS);
		}
		else {
			node = (file != null) ? this.graph.createFileOnlyEntry(file) : null;
		}
		if (node != null) {
			record(node, fileOnlyEntries(stylesheet.importedUrls()), Set.of(), null, node.getType() == ModuleType.CSS);
		}
		return ModuleResource.stylesheet(stylesheet.code(), filename);
	}

	private Resource serveCssModule(Resource resource, String url, @Nullable Path file, String id, String filename,
			TransformCache.Dependencies dependencies) throws IOException {
		String css = runTransformHooks(read(resource), id);
		TransformedModule module = this.cssTransformer.toJsModule(css, url, id, this.stylesheetResolver,
				(imported) -> stylesheetTimestampOf(imported, dependencies));
		ModuleNode node = this.graph.ensureModule(url, file, ModuleType.JS);
		// the transform has lexed and resolved the @imports already
		record(node, fileOnlyEntries(module.importedUrls()), Set.of(), null, true);
		return new ModuleResource(module.code(), filename);
	}

	private Resource serveAssetModule(String url, @Nullable Path file, String filename) {
		ModuleNode node = this.graph.ensureModule(url, file, ModuleType.JS);
		record(node, Set.of(), Set.of(), null, false);
		String path = ModuleUrls.withBase(this.base, ModuleUrls.cleanUrl(url));
		return new ModuleResource(JsModuleTransformer.assetModule(path), filename);
	}

	private void record(ModuleNode node, Set<ModuleNode> imported, Set<ModuleNode> accepted,
			@Nullable Set<String> acceptedExports, boolean selfAccepting) {
		Set<ModuleNode> noLongerImported = this.graph.updateModuleInfo(node, imported, accepted, acceptedExports,
				selfAccepting);
		if (!noLongerImported.isEmpty()) {
			List<String> paths = this.graph.prune(noLongerImported, this.clock.nextTimestamp());
			logger.info("hmr prune " + LogSafe.of(String.join(", ", paths), 2000));
			this.channel.send(new PrunePayload(paths));
		}
	}

	private Set<ModuleNode> jsModules(Set<String> urls) {
		Set<ModuleNode> modules = new LinkedHashSet<>();
		for (String url : urls) {
			// Only a module without a file needs it looked up: this runs for every import
			// of every
			// served module. One imported before its file existed gets the file once it
			// is there.
			ModuleNode known = this.graph.getModuleByUrl(url);
			modules.add((known != null && known.getFile() != null) ? known
					: this.graph.ensureModule(url, fileOf(url), ModuleType.JS));
		}
		return modules;
	}

	/**
	 * The files a stylesheet {@code @import}s, as file-only entries (Vite's
	 * {@code createFileOnlyEntry}), so that a change to one updates the stylesheet.
	 */
	private Set<ModuleNode> fileOnlyEntries(Collection<String> importedUrls) {
		Set<ModuleNode> modules = new LinkedHashSet<>();
		for (String importedUrl : importedUrls) {
			Path importedFile = fileOf(importedUrl);
			if (importedFile != null) {
				modules.add(this.graph.createFileOnlyEntry(importedFile));
			}
		}
		return modules;
	}

	private long timestampOf(String url) {
		ModuleNode node = this.graph.getModuleByUrl(url);
		return (node != null) ? node.getLastHmrTimestamp() : 0;
	}

	/**
	 * The last HMR timestamp of an {@code @import}ed stylesheet: that of its file's
	 * modules, which a change of the file or of one it imports re-stamps. Which file a
	 * URL names changes only with a file change, which starts a new cache generation.
	 */
	private long stylesheetTimestampOf(String url, TransformCache.Dependencies dependencies) {
		Path file = fileOf(url);
		return (file != null) ? dependencies.record(file, this.fileTimestamps) : 0;
	}

	private long fileTimestampOf(Path file) {
		long timestamp = 0;
		for (ModuleNode node : this.graph.getModulesByFile(file)) {
			timestamp = Math.max(timestamp, node.getLastHmrTimestamp());
		}
		return timestamp;
	}

	/**
	 * What a request's answer is kept under, or {@code null} if it is not kept: only
	 * files of the served roots are, whose changes the watcher reports. The request's
	 * properties that decide how a file is served are part of it.
	 */
	private TransformCache.@Nullable Key cacheKey(HttpServletRequest request, String url, @Nullable Path file) {
		if (!this.cache.isEnabled() || file == null || !this.files.isUnderRoot(file)) {
			return null;
		}
		return cacheKey(request, url);
	}

	private static TransformCache.Key cacheKey(HttpServletRequest request, String url) {
		int kind = (isStylesheetRequest(request) ? 1 : 0)
				| (hasParameter(request, CssModuleTransformer.IMPORTED_MARKER) ? 2 : 0)
				| (isModuleRequest(request) ? 4 : 0) | (hasParameter(request, "import") ? 8 : 0);
		return new TransformCache.Key(url, kind);
	}

	private String runTransformHooks(String code, String id) {
		String result = code;
		for (HmrPlugin plugin : this.plugins) {
			try {
				String transformed = plugin.transform(result, id);
				if (transformed != null) {
					result = transformed;
				}
			}
			catch (Exception ex) {
				throw fail(error(ex, plugin.getName(), id, result), ex, id);
			}
		}
		return result;
	}

	private @Nullable String runLoadHooks(String id) {
		for (HmrPlugin plugin : this.plugins) {
			try {
				String loaded = plugin.load(id);
				if (loaded != null) {
					return loaded;
				}
			}
			catch (Exception ex) {
				throw fail(error(ex, plugin.getName(), id, sourceOf(id)), ex, id);
			}
		}
		return null;
	}

	/**
	 * A module request that nothing answers (a 404): if it is an import, one warning
	 * naming the importers and the URL, and an {@code error} payload for the overlay,
	 * with the import's location in the importer when it is found there (Vite's "Failed
	 * to resolve import").
	 * @param request the request
	 */
	void missingModule(HttpServletRequest request) {
		if (!isModuleRequest(request)) {
			return;
		}
		String url = ModuleUrls.canonicalUrl(pathWithinApplication(request));
		ModuleNode node = this.graph.getModuleByUrl(url);
		List<String> importers = new ArrayList<>();
		if (node != null) {
			node.getImporters().forEach((importer) -> importers.add(importer.getUrl()));
		}
		String referer = (importers.isEmpty()) ? refererPath(request) : null;
		if (referer != null) {
			importers.add(referer);
		}
		String message = "Failed to load url " + url
				+ (importers.isEmpty() ? "" : " in " + String.join(", ", importers)) + ". Does the file exist?";
		logger.warn(LogSafe.of(message, 2000));
		if (this.missingUrls.size() < MAX_MISSING) {
			this.missingUrls.add(url);
		}
		HotError error = null;
		if (node != null) {
			for (ModuleNode importer : node.getImporters()) {
				error = (error != null) ? error : importError(message, url, importer);
			}
		}
		this.channel.send(new ErrorPayload(
				(error != null) ? error : new HotError(message, "", url, null, IMPORT_ANALYSIS, null, null, Map.of())));
	}

	/**
	 * A file created where a module that was requested and not found now resolves
	 * ({@code ./child} once {@code child.ts} exists) reloads the pages, as Vite does: the
	 * importers were served with the import as written, and the browser keeps failed
	 * module loads.
	 * @param event the change
	 */
	@Override
	public void onApplicationEvent(FileChangeEvent event) {
		this.cache.invalidateAll();
		if (event.getKind() != FileChangeKind.CREATED || this.missingUrls.isEmpty()) {
			return;
		}
		List<String> found = new ArrayList<>();
		for (String url : this.missingUrls) {
			if (this.fileResolver.fileUrl(url) != null) {
				found.add(url);
			}
		}
		if (found.isEmpty()) {
			return;
		}
		this.missingUrls.removeAll(found);
		logger.info("hmr page reload: " + LogSafe.of(String.join(", ", found), 2000) + " now found");
		this.channel.send(new FullReloadPayload("*", event.getPath().toString()));
	}

	/**
	 * The error of a missing import located at its specifier in the importer's file, or
	 * {@code null} if the importer's source does not show it.
	 */
	private @Nullable HotError importError(String message, String url, ModuleNode importer) {
		Path file = importer.getFile();
		String source = (file != null) ? sourceOf(file.toString()) : null;
		if (source == null) {
			return null;
		}
		try {
			for (ImportSpecifier specifier : EsModuleLexer.parse(source).imports()) {
				String resolved = (specifier.specifier() != null)
						? this.fileResolver.resolve(specifier.specifier(), importer.getUrl()) : null;
				if (resolved != null && ModuleUrls.canonicalUrl(resolved).equals(url)) {
					int[] lineAndColumn = CodeFrame.lineAndColumn(source, specifier.start());
					return new HotError(message, "", file.toString(), CodeFrame.around(source, specifier.start()),
							IMPORT_ANALYSIS, null,
							new HotError.Location(file.toString(), lineAndColumn[0], lineAndColumn[1]), Map.of());
				}
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not find the import of " + LogSafe.of(url) + " in " + file, ex);
		}
		return null;
	}

	/** The path of the {@code Referer}, without the context path, if it has one. */
	private static @Nullable String refererPath(HttpServletRequest request) {
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null) {
			return null;
		}
		try {
			String path = URI.create(referer).getRawPath();
			String contextPath = request.getContextPath();
			return (path == null || path.isEmpty()) ? null
					: (!contextPath.isEmpty() && path.startsWith(contextPath + "/"))
							? path.substring(contextPath.length()) : path;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * An error as Vite reports a plugin's or a step's failure: the message, the plugin,
	 * the module, and where ({@code loc}, with a code frame of {@code source}) when the
	 * exception says so; no Java stack for the overlay (the log keeps it).
	 */
	private static HotError error(Exception ex, String plugin, String id, @Nullable String source) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		if (!(ex instanceof HmrPluginException located)) {
			return new HotError(message, "", id, null, plugin, null, null, Map.of());
		}
		String frame = (source != null) ? CodeFrame.around(source, located.getLine(), located.getColumn()) : null;
		return new HotError(message, "", id, frame, plugin, null,
				new HotError.Location(id, located.getLine(), located.getColumn()), Map.of());
	}

	/** The content of a module's file, if its id is a readable file. */
	private static @Nullable String sourceOf(String id) {
		try {
			Path path = Path.of(id);
			return Files.isRegularFile(path) ? Files.readString(path) : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A syntax error as Vite reports one: where the fault is ({@code loc}), the source
	 * lines around it ({@code frame}), and no Java stack for the overlay (the log keeps
	 * it).
	 */
	private static HotError syntaxError(SourceSyntaxException ex, String code, String file, String plugin) {
		int[] lineAndColumn = CodeFrame.lineAndColumn(code, ex.getPosition());
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		return new HotError(message, "", file, CodeFrame.around(code, ex.getPosition()), plugin, null,
				new HotError.Location(file, lineAndColumn[0], lineAndColumn[1]), Map.of());
	}

	private ModuleTransformException fail(HotError error, Exception cause, String what) {
		logger.error(
				"Failed to serve " + LogSafe.of(what) + " [" + error.plugin() + "]: " + LogSafe.of(error.message()),
				cause);
		this.channel.send(new ErrorPayload(error));
		return new ModuleTransformException("Failed to serve " + what + ": " + error.message(), cause);
	}

	/**
	 * The file behind a canonical URL in the served roots, if there is one.
	 * @param url the URL
	 * @return the absolute, normalised file, or {@code null}
	 */
	@Nullable Path fileOf(String url) {
		return this.files.fileOf(url);
	}

	private static @Nullable Path fileOf(Resource resource) {
		try {
			return resource.isFile() ? resource.getFile().toPath().toAbsolutePath().normalize() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static boolean isStylesheetRequest(HttpServletRequest request) {
		if (hasParameter(request, "direct") || hasParameter(request, CssModuleTransformer.IMPORTED_MARKER)) {
			return true;
		}
		if (hasParameter(request, "import")) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/css");
	}

	/**
	 * Whether the browser asked for a module, as Vite decides it: an import rewritten
	 * with {@code ?import}, or a request whose destination is a script (an {@code import}
	 * statement, a dynamic {@code import()}, a worker).
	 */
	private static boolean isModuleRequest(HttpServletRequest request) {
		if (hasParameter(request, "import")) {
			return true;
		}
		String destination = request.getHeader("Sec-Fetch-Dest");
		return destination != null && SCRIPT_DESTINATIONS.contains(destination.toLowerCase(Locale.ROOT));
	}

	/** Whether the query has the parameter, with or without a value ({@code ?import}). */
	private static boolean hasParameter(HttpServletRequest request, String name) {
		return request.getParameter(name) != null;
	}

	private static String withParameter(String url, String parameter) {
		if (url.endsWith("?" + parameter) || url.endsWith("&" + parameter)) {
			return url;
		}
		return url + (url.contains("?") ? "&" : "?") + parameter;
	}

	/**
	 * The request's URL without the context path, as written by the browser (not
	 * decoded), with its query.
	 */
	private static String pathWithinApplication(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String path = (!contextPath.isEmpty() && uri.startsWith(contextPath)) ? uri.substring(contextPath.length())
				: uri;
		path = path.isEmpty() ? "/" : path;
		String query = request.getQueryString();
		return (query != null) ? path + "?" + query : path;
	}

	private static String extension(String filename) {
		String extension = StringUtils.getFilenameExtension(filename);
		return (extension != null) ? extension.toLowerCase(Locale.ROOT) : "";
	}

	private static String read(Resource resource) throws IOException {
		return resource.getContentAsString(StandardCharsets.UTF_8);
	}

}
