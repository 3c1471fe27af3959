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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link UpdatePropagation#propagateUpdate(ModuleNode, java.util.Set)} found when
 * walking up from one changed module.
 *
 * @param boundaries the boundaries in the order Vite finds them (the same boundary can
 * appear more than once); after a dead end, those found before it, with
 * {@code isWithinCircularImport} left {@code false}
 * @param deadEndChain when the walk reached a module with no importers that accepts
 * nothing: the importer chain from the changed module up to that module, else
 * {@code null}
 * @param notAnalyzed modules where the walk stopped because no browser has loaded them
 * @since 0.1.0
 */
public record Propagation(List<PropagationBoundary> boundaries, @Nullable List<ModuleNode> deadEndChain,
		List<ModuleNode> notAnalyzed) {

	public Propagation {
		boundaries = List.copyOf(boundaries);
		deadEndChain = (deadEndChain != null) ? List.copyOf(deadEndChain) : null;
		notAnalyzed = List.copyOf(notAnalyzed);
	}

}
