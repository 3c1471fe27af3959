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

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A module rewritten for serving, with what Vite's import analysis records in the module
 * graph for it. All URLs are canonical (no {@code t=}, no {@code import}).
 *
 * @param code the code to serve
 * @param importedUrls the modules it imports, statically or with a literal dynamic
 * import, in source order (Vite's {@code importedUrls})
 * @param staticImportedUrls the subset imported statically
 * @param acceptedUrls the deps named in {@code import.meta.hot.accept(…)} (Vite's
 * {@code acceptedModules})
 * @param acceptedExports the names given to {@code import.meta.hot.acceptExports(…)}, or
 * {@code null} if it is not called
 * @param isSelfAccepting whether the module accepts its own updates (a self-accept call,
 * or {@code acceptExports} naming every export)
 * @param usesHot whether the module uses {@code import.meta.hot} (and so got the
 * hot-context prelude)
 * @since 0.1.0
 */
public record TransformedModule(String code, Set<String> importedUrls, Set<String> staticImportedUrls,
		Set<String> acceptedUrls, @Nullable Set<String> acceptedExports, boolean isSelfAccepting, boolean usesHot) {

	public TransformedModule {
		Assert.notNull(code, "'code' must not be null");
		importedUrls = ordered(importedUrls);
		staticImportedUrls = ordered(staticImportedUrls);
		acceptedUrls = ordered(acceptedUrls);
		acceptedExports = (acceptedExports != null) ? ordered(acceptedExports) : null;
	}

	private static Set<String> ordered(Set<String> urls) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(urls));
	}

}
