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
 * <li>{@link #load} and {@link #transform} run when a module is served, so a plugin can
 * serve a custom file type as a JavaScript module.</li>
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
	 * Load a module's source (Vite's {@code load}). The first plugin that answers wins.
	 * @param id the absolute path of the file the module's URL resolves to
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
	 * @param id the absolute path of the module's file
	 * @return the new source, or {@code null} to leave it unchanged
	 * @throws Exception on failure: the request answers 500 and an {@code error} payload
	 * names this plugin; an {@link HmrPluginException} also says where in the source
	 */
	default @Nullable String transform(String code, String id) throws Exception {
		return null;
	}

}
