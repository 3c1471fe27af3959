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

package dev.hmr.graph;

/**
 * The kind of a {@link ModuleNode}, as Vite's {@code EnvironmentModuleNode.type}.
 *
 * @since 0.1.0
 */
public enum ModuleType {

	/**
	 * A module the browser loads as JavaScript: scripts, CSS imported from JS
	 * ({@code import './a.css'}) and assets imported from JS
	 * ({@code import logo from './logo.svg'}). A JS boundary gives a {@code js-update}.
	 */
	JS,

	/**
	 * A stylesheet the browser requests directly with {@code <link rel="stylesheet">}
	 * (URL {@code /a.css?direct}). A CSS boundary gives a {@code css-update}.
	 */
	CSS,

	/**
	 * A file with no URL of its own that a module depends on, such as a file a stylesheet
	 * {@code @import}s (Vite's file-only entry). Never served, so never analysed and
	 * never a boundary, but updates propagate through it to its importers.
	 */
	ASSET

}
