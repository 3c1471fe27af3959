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

/**
 * An {@code @import} rule found by {@link CssImportLexer}.
 *
 * @param url the imported URL, its CSS escapes decoded ({@code my\ file.css} is
 * {@code my file.css})
 * @param start offset of the URL's first character (after the quote or {@code url(})
 * @param end offset just after the URL's last character (before the closing quote or
 * parenthesis)
 * @param ruleStart offset of the {@code @}
 * @param ruleEnd offset just after the rule's {@code ;} (the end of the text if there is
 * none)
 * @since 0.1.0
 */
public record CssImport(String url, int start, int end, int ruleStart, int ruleEnd) {

}
