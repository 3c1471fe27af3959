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
 * One import found by {@link EsModuleLexer}: a static {@code import}, an
 * {@code export … from}, a dynamic {@code import(…)} or an {@code import.meta}. Offsets
 * are UTF-16 code unit indexes and follow es-module-lexer's conventions exactly; its
 * short field names are given in brackets.
 *
 * @param type the kind of import ({@code t})
 * @param specifier the specifier with escapes decoded ({@code n}); {@code null} for
 * {@code import.meta} and for dynamic imports whose argument is not a string literal or a
 * template literal without substitutions
 * @param start start of the specifier ({@code s}): for static imports the first character
 * inside the quotes; for dynamic imports the first character of the argument (the opening
 * quote of a literal); for {@code import.meta} the {@code i} of {@code import}
 * @param end end of the specifier, exclusive ({@code e}): for static imports the closing
 * quote; for dynamic imports just after the argument (after the closing quote of a
 * literal)
 * @param statementStart start of the statement or expression ({@code ss})
 * @param statementEnd end of the statement or expression, exclusive ({@code se}): for a
 * dynamic import just after its closing parenthesis
 * @param dynamicStart {@code -1} for static imports, {@code -2} for {@code import.meta},
 * otherwise the offset of the dynamic import's opening parenthesis ({@code d})
 * @param attributesStart offset of the import attributes (the {@code {} after {@code
 * with}, or the second argument of a dynamic import), {@code -1} if none ({@code
 * a}) @since 0.1.0
 */
public record ImportSpecifier(Type type, @Nullable String specifier, int start, int end, int statementStart,
		int statementEnd, int dynamicStart, int attributesStart) {

	/**
	 * Value of {@link #dynamicStart()} for a static import.
	 */
	public static final int STATIC = -1;

	/**
	 * Value of {@link #dynamicStart()} for {@code import.meta}.
	 */
	public static final int IMPORT_META = -2;

	/**
	 * Whether this is a dynamic {@code import(…)} (including the source and defer phase
	 * forms).
	 * @return whether the import is dynamic
	 */
	public boolean isDynamic() {
		return this.dynamicStart >= 0;
	}

	/**
	 * Whether this is an {@code import.meta} occurrence.
	 * @return whether this is {@code import.meta}
	 */
	public boolean isImportMeta() {
		return this.dynamicStart == IMPORT_META;
	}

	/**
	 * The kinds of import, numbered as es-module-lexer's {@code ImportType}.
	 */
	public enum Type {

		/**
		 * {@code import … from '…'}, {@code import '…'}, {@code export … from '…'}.
		 */
		STATIC(1),

		/**
		 * {@code import(…)}.
		 */
		DYNAMIC(2),

		/**
		 * {@code import.meta}.
		 */
		IMPORT_META(3),

		/**
		 * {@code import source x from '…'}.
		 */
		STATIC_SOURCE_PHASE(4),

		/**
		 * {@code import.source(…)}.
		 */
		DYNAMIC_SOURCE_PHASE(5),

		/**
		 * {@code import defer * as x from '…'}.
		 */
		STATIC_DEFER_PHASE(6),

		/**
		 * {@code import.defer(…)}.
		 */
		DYNAMIC_DEFER_PHASE(7);

		private final int code;

		Type(int code) {
			this.code = code;
		}

		/**
		 * The number es-module-lexer uses ({@code t}).
		 * @return the number
		 */
		public int code() {
			return this.code;
		}

	}

}
