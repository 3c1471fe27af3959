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

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a compiled module's source is, by its file's extension.
 */
enum SourceKind {

	/** {@code .ts}. */
	TS(false),

	/** {@code .mts}. */
	MTS(false),

	/** {@code .tsx}. */
	TSX(true),

	/** {@code .jsx}, and {@code .js} when JSX in {@code .js} is on. */
	JSX(true);

	private final boolean jsx;

	SourceKind(boolean jsx) {
		this.jsx = jsx;
	}

	boolean isJsx() {
		return this.jsx;
	}

	/**
	 * The kind of a file name, if it is compiled.
	 * @param filename the file name or URL path, without query
	 * @param jsxInJs whether {@code .js} files hold JSX
	 * @return the kind, or {@code null} if the file is served as it is
	 */
	static @Nullable SourceKind of(String filename, boolean jsxInJs) {
		int dot = filename.lastIndexOf('.');
		if (dot < 0 || dot < filename.lastIndexOf('/')) {
			return null;
		}
		return switch (filename.substring(dot + 1).toLowerCase(Locale.ROOT)) {
			case "ts" -> TS;
			case "mts" -> MTS;
			case "tsx" -> TSX;
			case "jsx" -> JSX;
			case "js" -> jsxInJs ? JSX : null;
			default -> null;
		};
	}

}
