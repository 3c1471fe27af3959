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

package dev.hmr.transform;

import org.jspecify.annotations.Nullable;

/**
 * One exported name found by {@link EsModuleLexer}. Offsets follow es-module-lexer's
 * conventions; its short field names are given in brackets.
 *
 * @param name the exported name ({@code n}), unquoted for string names
 * @param localName the local binding ({@code ln}); {@code null} for re-exports and
 * anonymous default exports
 * @param start start of the exported name ({@code s})
 * @param end end of the exported name, exclusive ({@code e})
 * @param localStart start of the local name, {@code -1} if none ({@code ls})
 * @param localEnd end of the local name, exclusive, {@code -1} if none ({@code le})
 * @since 0.1.0
 */
public record ExportSpecifier(String name, @Nullable String localName, int start, int end, int localStart,
		int localEnd) {

}
