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

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link ModuleGraph#updateModules} or {@link ModuleGraph#invalidate}: hot
 * updates, a full reload, or nothing to send. The engine maps it to a payload.
 *
 * @since 0.1.0
 */
public sealed interface HmrUpdateResult
		permits HmrUpdateResult.Updates, HmrUpdateResult.FullReload, HmrUpdateResult.NoUpdate {

	/**
	 * The kind of result, for an exhaustive {@code switch}.
	 * @return the type
	 */
	Type type();

	/**
	 * The kinds of result.
	 */
	enum Type {

		/** Send one {@code update} payload. */
		UPDATES,

		/** Send {@code full-reload}. */
		FULL_RELOAD,

		/** Send nothing. */
		NO_UPDATE

	}

	/**
	 * Hot updates for every boundary reached, in the order Vite sends them: one
	 * {@code update} payload with an entry per boundary.
	 *
	 * @param boundaries the boundaries, never empty (the same module can be the boundary
	 * of several changed modules)
	 * @param timestamp the update's timestamp (13-digit epoch milliseconds)
	 * @param firstInvalidatedBy for an update caused by {@code vite:invalidate}, the URL
	 * of the module that first invalidated, else {@code null}
	 */
	record Updates(List<PropagationBoundary> boundaries, long timestamp,
			@Nullable String firstInvalidatedBy) implements HmrUpdateResult {

		public Updates {
			if (boundaries == null || boundaries.isEmpty()) {
				throw new IllegalArgumentException("'boundaries' must not be empty");
			}
			if (timestamp <= 0) {
				throw new IllegalArgumentException("'timestamp' must be positive");
			}
			boundaries = List.copyOf(boundaries);
		}

		@Override
		public Type type() {
			return Type.UPDATES;
		}

	}

	/**
	 * The page must reload: {@code full-reload} with {@code path} {@code *}.
	 *
	 * @param reason why, for the log, naming the module where propagation ended (users
	 * otherwise cannot tell why HMR gave up)
	 * @param triggeredBy the file whose change caused it, if known
	 */
	record FullReload(String reason, @Nullable Path triggeredBy) implements HmrUpdateResult {

		public FullReload {
			if (reason == null || reason.isEmpty()) {
				throw new IllegalArgumentException("'reason' must not be empty");
			}
		}

		@Override
		public Type type() {
			return Type.FULL_RELOAD;
		}

	}

	/**
	 * Nothing to send, for example because no browser has loaded the changed module.
	 *
	 * @param reason why, for a debug log
	 */
	record NoUpdate(String reason) implements HmrUpdateResult {

		public NoUpdate {
			if (reason == null || reason.isEmpty()) {
				throw new IllegalArgumentException("'reason' must not be empty");
			}
		}

		@Override
		public Type type() {
			return Type.NO_UPDATE;
		}

	}

}
