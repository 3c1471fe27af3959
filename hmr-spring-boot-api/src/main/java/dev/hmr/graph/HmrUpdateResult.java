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
	 * {@code update} payload.
	 *
	 * @param updates the updates, never empty
	 */
	record Updates(List<HmrBoundaryUpdate> updates) implements HmrUpdateResult {

		public Updates {
			if (updates == null || updates.isEmpty()) {
				throw new IllegalArgumentException("'updates' must not be empty");
			}
			updates = List.copyOf(updates);
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
