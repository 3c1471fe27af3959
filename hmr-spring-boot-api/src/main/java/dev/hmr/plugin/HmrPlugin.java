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

package dev.hmr.plugin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hmr.graph.ModuleNode;

/**
 * A plugin of the HMR pipeline, declared as a Spring bean and ordered with
 * {@link org.springframework.core.annotation.Order @Order} or
 * {@link org.springframework.core.Ordered}. Its hooks follow Vite's plugin contract:
 * <ul>
 * <li>{@link #handleHotUpdate} runs on every file change, before the default update is
 * computed;</li>
 * <li>{@link #resolveId} runs for every import of a served module, so a plugin can
 * resolve a specifier to a module of its own, such as a virtual module ({@code \0…},
 * served under {@code /@id/}, see {@link ModuleIds});</li>
 * <li>{@link #load} and {@link #transform} run when a module is served, so a plugin can
 * serve a custom file type, or a virtual module, as a JavaScript module.</li>
 * </ul>
 * Every hook has a default that does nothing.
 *
 * @since 0.1.0
 */
public interface HmrPlugin {

	/**
	 * The plugin's name, shown in error payloads and logs.
	 * @return the name
	 */
	default String getName() {
		return getClass().getSimpleName();
	}

	/**
	 * Handle a file change (Vite's {@code handleHotUpdate}). Plugins run in order, each
	 * seeing the modules the previous one returned.
	 * @param context the change, with the modules it affects so far
	 * @return {@code null} to keep the modules as they are; a list to replace them (a
	 * subset narrows the update); an empty list to say "handled": nothing is sent by
	 * default
	 * @throws Exception on failure: it becomes an {@code error} payload naming this
	 * plugin
	 */
	default @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) throws Exception {
		return null;
	}

	/**
	 * Resolve an import (Vite's {@code resolveId}). The first plugin that answers wins;
	 * then the starter resolves it (relative and root-absolute specifiers, bare ones
	 * through the import map).
	 * @param source the specifier as written in the importer, such as {@code virtual:my}
	 * or {@code ./x.js}
	 * @param importer the importer's id: the absolute path of its file, or its module id
	 * if it is not a file
	 * @return the module's id, or {@code null} if it is not this plugin's: an absolute
	 * path of a file in the served roots is served as that file; any other id (by
	 * convention {@code "\0" + source} for a virtual module) is served under
	 * {@code /@id/} ({@link ModuleIds#toUrl}), its code from {@link #load}
	 * @throws Exception on failure: the importer answers 500 and an {@code error} payload
	 * names this plugin
	 */
	default @Nullable String resolveId(String source, String importer) throws Exception {
		return null;
	}

	/**
	 * Load a module's source (Vite's {@code load}). The first plugin that answers wins.
	 * @param id the absolute path of the file the module's URL resolves to, or the id
	 * {@link #resolveId} gave (such as {@code \0virtual:my})
	 * @return JavaScript source for the module, or {@code null} to leave it to the next
	 * plugin or to the file itself
	 * @throws Exception on failure: the request answers 500 and an {@code error} payload
	 * names this plugin; an {@link HmrPluginException} also says where in the source
	 */
	default @Nullable String load(String id) throws Exception {
		return null;
	}

	/**
	 * Transform a module's source (Vite's {@code transform}). Every plugin runs, in
	 * order, on the previous one's output.
	 * @param code the source so far
	 * @param id the absolute path of the module's file, or its id if it is not a file
	 * @return the new source, or {@code null} to leave it unchanged
	 * @throws Exception on failure: the request answers 500 and an {@code error} payload
	 * names this plugin; an {@link HmrPluginException} also says where in the source
	 */
	default @Nullable String transform(String code, String id) throws Exception {
		return null;
	}

}
