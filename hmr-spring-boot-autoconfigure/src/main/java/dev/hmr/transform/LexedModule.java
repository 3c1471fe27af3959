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

import java.util.List;

/**
 * What {@link EsModuleLexer} found in a module, in source order.
 *
 * @param imports the imports, dynamic imports and {@code import.meta} occurrences
 * @param exports the exported names
 * @since 0.1.0
 */
public record LexedModule(List<ImportSpecifier> imports, List<ExportSpecifier> exports) {

	public LexedModule {
		imports = List.copyOf(imports);
		exports = List.copyOf(exports);
	}

}
