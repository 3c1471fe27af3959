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
 * A string literal inside {@code import.meta.hot.accept(…)} (Vite's {@code UrlPosition}),
 * or a name inside {@code import.meta.hot.acceptExports(…)}.
 *
 * @param specifier the text between the quotes, as written (escapes are not decoded, as
 * in Vite)
 * @param start offset of the opening quote
 * @param end offset just after the closing quote, so that {@code [start, end)} is the
 * whole literal to rewrite
 */
record AcceptedDep(String specifier, int start, int end) {

}
