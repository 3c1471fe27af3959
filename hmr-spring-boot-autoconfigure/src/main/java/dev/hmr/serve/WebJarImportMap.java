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
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.Assert;

/**
 * The import map the starter gives every page, so that bare imports such as
 * {@code 'preact'}, {@code 'preact/hooks'} or {@code 'lit'} resolve from the
 * application's WebJars with no map written by hand (Vite's dependency pre-bundling, done
 * by the browser's import map instead):
 * <ul>
 * <li>each {@code org.webjars.npm} artifact on the class path
 * ({@code META-INF/resources/webjars/<name>/<version>/package.json}), served by Spring
 * Boot at {@code /webjars/<name>/<version>/…};</li>
 * <li>each mvnpm artifact ({@code META-INF/resources/_static/<name>/<version>/}), served
 * from Boot's static locations at {@code /_static/…};</li>
 * </ul>
 * each mapped by its {@code package.json} ({@link PackageEntries}), plus the entries of
 * {@code hmr.import-map.imports}, which win. The URLs start with the context path.
 * <p>
 * A page that has an import map of its own keeps it, and its entries win: the map
 * injected before the client is the generated one with the page's {@code imports} laid
 * over it ({@link #forPage}), and the page's map stays in place (a browser that supports
 * several import maps ignores its entries that repeat the first map's; one that does not,
 * ignores the second map). The specifiers of pages' maps are remembered, so that modules
 * importing them are not reported as unresolvable ({@link #isMapped}).
 */
public final class WebJarImportMap {

	private static final Log logger = LogFactory.getLog(WebJarImportMap.class);

	private static final String RESOURCES = "META-INF/resources/";

	private static final String[] PATTERNS = { "classpath*:" + RESOURCES + "webjars/*/*/package.json",
			"classpath*:" + RESOURCES + "webjars/@*/*/*/package.json",
			"classpath*:" + RESOURCES + "_static/*/*/package.json",
			"classpath*:" + RESOURCES + "_static/@*/*/*/package.json" };

	private static final JsonMapper json = JsonMapper.shared();

	private final Map<String, String> imports;

	private final Set<String> pageSpecifiers = ConcurrentHashMap.newKeySet();

	private final String generatedJson;

	/**
	 * Create a map of the given entries.
	 * @param imports the entries: specifier (or prefix ending with {@code /}) to URL
	 */
	public WebJarImportMap(Map<String, String> imports) {
		Assert.notNull(imports, "'imports' must not be null");
		this.imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
		this.generatedJson = toJson(this.imports);
	}

	/**
	 * Scan the class path for WebJars and mvnpm packages.
	 * @param resolver the resolver to scan with
	 * @param contextPath the servlet context path: empty, or such as {@code /app}
	 * @param extra entries of the application's own, which win
	 * @return the map
	 */
	public static WebJarImportMap scan(ResourcePatternResolver resolver, String contextPath,
			Map<String, String> extra) {
		Map<String, String> imports = new LinkedHashMap<>();
		for (String pattern : PATTERNS) {
			Resource[] found;
			try {
				found = resolver.getResources(pattern);
			}
			catch (IOException ex) {
				logger.debug("Could not scan " + pattern, ex);
				continue;
			}
			for (Resource packageJson : found) {
				addPackage(imports, packageJson, contextPath);
			}
		}
		imports.putAll(extra);
		return new WebJarImportMap(imports);
	}

	private static void addPackage(Map<String, String> imports, Resource packageJson, String contextPath) {
		try {
			String location = packageJson.getURL().toString();
			int resources = location.lastIndexOf(RESOURCES);
			if (resources < 0) {
				return;
			}
			// META-INF/resources/webjars/preact/10.28.0/package.json is served at
			// /webjars/preact/10.28.0/package.json
			String root = contextPath + "/"
					+ location.substring(resources + RESOURCES.length(), location.length() - "package.json".length());
			JsonNode pkg;
			try (InputStream in = packageJson.getInputStream()) {
				pkg = json.readTree(in);
			}
			JsonNode name = pkg.get("name");
			if (name == null || !name.isString() || name.asString().isBlank()) {
				return;
			}
			for (Map.Entry<String, String> entry : PackageEntries.entries(pkg).entrySet()) {
				String specifier = entry.getKey().equals(".") ? name.asString()
						: name.asString() + entry.getKey().substring(1);
				// the first version found of a package wins, as the class path order
				// does for its classes
				imports.putIfAbsent(specifier, root + entry.getValue().substring(2));
			}
		}
		catch (IOException | JacksonException ex) {
			logger.warn("Could not read " + packageJson + " for the import map: " + ex.getMessage());
		}
	}

	/**
	 * The entries, specifier to URL.
	 * @return the entries
	 */
	public Map<String, String> getImports() {
		return this.imports;
	}

	/**
	 * Whether the browser resolves a bare specifier through an import map: this one's or
	 * one a page has brought.
	 * @param specifier the specifier as written
	 * @return whether an entry or a prefix entry ({@code name/}) maps it
	 */
	public boolean isMapped(String specifier) {
		if (this.imports.containsKey(specifier) || this.pageSpecifiers.contains(specifier)) {
			return true;
		}
		for (int slash = specifier.lastIndexOf('/'); slash > 0; slash = specifier.lastIndexOf('/', slash - 1)) {
			String prefix = specifier.substring(0, slash + 1);
			if (this.imports.containsKey(prefix) || this.pageSpecifiers.contains(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The import map to inject into a page.
	 * @param pageImportMap the text of the page's own {@code <script type="importmap">},
	 * or {@code null} if it has none
	 * @return the JSON of the map to inject, or {@code null} to inject none
	 */
	public @Nullable String forPage(@Nullable String pageImportMap) {
		if (pageImportMap == null) {
			return this.imports.isEmpty() ? null : this.generatedJson;
		}
		Map<String, String> merged = new LinkedHashMap<>(this.imports);
		try {
			JsonNode page = json.readTree(pageImportMap);
			JsonNode pageImports = (page != null) ? page.get("imports") : null;
			if (pageImports != null && pageImports.isObject()) {
				for (Map.Entry<String, JsonNode> entry : pageImports.properties()) {
					if (entry.getValue().isString()) {
						this.pageSpecifiers.add(entry.getKey());
						merged.put(entry.getKey(), entry.getValue().asString());
					}
				}
			}
		}
		catch (JacksonException ex) {
			// the browser reports the page's map; ours still goes in
			logger.debug("The page's import map is not JSON: " + ex.getOriginalMessage());
		}
		return merged.isEmpty() ? null : toJson(merged);
	}

	private static String toJson(Map<String, String> imports) {
		ObjectNode map = json.createObjectNode();
		ObjectNode entries = map.putObject("imports");
		imports.forEach(entries::put);
		// inside <script>: "</" would end the element; \/ is the same JSON string
		return json.writeValueAsString(map).replace("</", "<\\/");
	}

}
