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

import org.springframework.util.Assert;

/**
 * How JSX is compiled: tsconfig's {@code jsx}, {@code jsxImportSource},
 * {@code jsxFactory} and {@code jsxFragmentFactory}, and whether {@code .js} files may
 * hold JSX. A file's own pragma comments ({@code @jsxImportSource}) win, as in SWC.
 *
 * @param automatic whether the automatic runtime is used (imported from
 * {@code <importSource>/jsx-dev-runtime}) rather than the classic one (calls of the
 * factory)
 * @param importSource the package of the automatic runtime, such as {@code preact}
 * @param factory the classic runtime's element function, such as {@code h}
 * @param fragment the classic runtime's fragment, such as {@code Fragment}
 * @param inJs whether {@code .js} modules are compiled as JSX too
 */
public record JsxOptions(boolean automatic, String importSource, String factory, String fragment, boolean inJs) {

	/**
	 * Check the options.
	 * @param automatic the runtime
	 * @param importSource the automatic runtime's package
	 * @param factory the classic element function
	 * @param fragment the classic fragment
	 * @param inJs whether {@code .js} holds JSX
	 */
	public JsxOptions {
		Assert.hasText(importSource, "'importSource' must not be empty");
		Assert.hasText(factory, "'factory' must not be empty");
		Assert.hasText(fragment, "'fragment' must not be empty");
	}

	/**
	 * The defaults: the automatic runtime of Preact ({@code @preact/preset-vite}'s),
	 * {@code h} and {@code Fragment} for the classic one, no JSX in {@code .js}.
	 * @return the options
	 */
	public static JsxOptions defaults() {
		return new JsxOptions(true, "preact", "h", "Fragment", false);
	}

}
