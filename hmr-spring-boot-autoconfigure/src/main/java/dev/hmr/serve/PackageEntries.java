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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The browser entry points of an npm package, read from its {@code package.json} as
 * Vite's resolver reads them for the browser in development: {@code exports} (with its
 * subpaths, such as {@code ./hooks}, condition objects and fallback arrays), else
 * {@code module}, else {@code main} when the package is an ES module.
 * <p>
 * A condition object is matched as Node and Vite match it: in the object's own key order,
 * the first key that is one of {@code browser}, {@code development}, {@code import},
 * {@code module} or {@code default} wins ({@code require}, {@code types}, {@code node},
 * {@code umd} … never do). In a fallback array the first entry that resolves wins.
 */
final class PackageEntries {

	static final Set<String> CONDITIONS = Set.of("browser", "development", "import", "module", "default");

	private PackageEntries() {
	}

	/**
	 * The package's entry points.
	 * @param pkg the parsed {@code package.json}
	 * @return by subpath ({@code .}, {@code ./hooks}; a pattern as {@code ./features/},
	 * and {@code ./} for the whole package when it has no {@code exports}), the target
	 * relative to the package root, starting with {@code ./}; empty when nothing runs in
	 * a browser
	 */
	static Map<String, String> entries(JsonNode pkg) {
		Map<String, String> entries = new LinkedHashMap<>();
		JsonNode exports = pkg.get("exports");
		if (exports != null && !exports.isNull()) {
			if (exports.isObject() && hasSubpaths(exports)) {
				for (Map.Entry<String, JsonNode> subpath : exports.properties()) {
					String target = target(subpath.getValue());
					String key = subpath.getKey();
					if (target == null) {
						continue;
					}
					if (key.endsWith("/*") && target.endsWith("/*")) {
						// an import map can say prefixes only: ./features/* → ./src/*
						entries.put(key.substring(0, key.length() - 1), target.substring(0, target.length() - 1));
					}
					else if (!key.contains("*") && !target.contains("*")) {
						entries.put(key, target);
					}
				}
			}
			else {
				String target = target(exports);
				if (target != null) {
					entries.put(".", target);
				}
			}
			return entries;
		}
		String module = text(pkg, "module");
		String main = text(pkg, "main");
		boolean esm = "module".equals(text(pkg, "type"));
		String entry = (module != null) ? module
				: (main != null && (esm || main.endsWith(".mjs"))) ? main : (main == null && esm) ? "index.js" : null;
		if (entry != null) {
			entries.put(".", relative(entry));
			entries.put("./", "./");
		}
		return entries;
	}

	/** The target of an {@code exports} value for the browser, or {@code null}. */
	static @Nullable String target(JsonNode value) {
		if (value.isString()) {
			String target = value.asString();
			return target.startsWith("./") ? target : null;
		}
		if (value.isArray()) {
			for (JsonNode candidate : value) {
				String target = target(candidate);
				if (target != null) {
					return target;
				}
			}
			return null;
		}
		if (value.isObject()) {
			for (Map.Entry<String, JsonNode> condition : value.properties()) {
				if (CONDITIONS.contains(condition.getKey())) {
					String target = target(condition.getValue());
					if (target != null) {
						return target;
					}
				}
			}
		}
		return null;
	}

	private static boolean hasSubpaths(JsonNode exports) {
		for (String key : exports.propertyNames()) {
			if (key.startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String text(JsonNode pkg, String field) {
		JsonNode value = pkg.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	private static String relative(String path) {
		return path.startsWith("./") ? path : "./" + (path.startsWith("/") ? path.substring(1) : path);
	}

}
