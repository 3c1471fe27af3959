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
 * A module that will handle an update, found by
 * {@link UpdatePropagation#propagateUpdate(ModuleNode, java.util.Set)} (Vite's
 * {@code PropagationBoundary}).
 *
 * @param boundary the module whose {@code hot.accept} callback runs: the changed module
 * or an importer on the way up
 * @param acceptedVia the module the boundary re-imports: the boundary itself when it is
 * self-accepting, otherwise the accepted dependency
 * @param isWithinCircularImport whether the boundary lies on an import cycle with the
 * changed code, so re-importing it may run modules out of order (the client then reloads
 * if the re-import fails)
 * @since 0.1.0
 */
public record PropagationBoundary(ModuleNode boundary, ModuleNode acceptedVia, boolean isWithinCircularImport) {

	public PropagationBoundary {
		if (boundary == null) {
			throw new IllegalArgumentException("'boundary' must not be null");
		}
		if (acceptedVia == null) {
			throw new IllegalArgumentException("'acceptedVia' must not be null");
		}
	}

}
