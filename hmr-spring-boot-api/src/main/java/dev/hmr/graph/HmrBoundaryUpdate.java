package dev.hmr.graph;

import org.jspecify.annotations.Nullable;

/**
 * One boundary's share of an update: what the engine turns into one entry of Vite's
 * {@code update} payload, field for field.
 *
 * @param type {@code js-update} or {@code css-update}, from the boundary's
 * {@link ModuleType}
 * @param timestamp the update's timestamp (13-digit epoch milliseconds)
 * @param path the boundary's URL
 * @param acceptedPath the URL of the module the boundary re-imports (equal to
 * {@code path} when the boundary accepts itself)
 * @param explicitImportRequired whether the boundary is JS and the accepted URL is neither
 * JS nor CSS by extension, so the client must re-import it with {@code ?import}
 * @param isWithinCircularImport whether the boundary lies on an import cycle with the
 * changed code
 * @param firstInvalidatedBy for updates caused by {@code vite:invalidate}, the URL of the
 * module that first invalidated, else {@code null}
 * @since 0.1.0
 */
public record HmrBoundaryUpdate(Type type, long timestamp, String path, String acceptedPath,
		boolean explicitImportRequired, boolean isWithinCircularImport, @Nullable String firstInvalidatedBy) {

	public HmrBoundaryUpdate {
		if (type == null) {
			throw new IllegalArgumentException("'type' must not be null");
		}
		if (path == null || path.isEmpty()) {
			throw new IllegalArgumentException("'path' must not be empty");
		}
		if (acceptedPath == null || acceptedPath.isEmpty()) {
			throw new IllegalArgumentException("'acceptedPath' must not be empty");
		}
	}

	static HmrBoundaryUpdate of(PropagationBoundary boundary, long timestamp, @Nullable String firstInvalidatedBy) {
		ModuleNode module = boundary.boundary();
		String acceptedPath = boundary.acceptedVia().getUrl();
		Type type = Type.of(module);
		boolean explicitImportRequired = type == Type.JS_UPDATE
				&& UpdatePropagation.isExplicitImportRequired(acceptedPath);
		return new HmrBoundaryUpdate(type, timestamp, module.getUrl(), acceptedPath, explicitImportRequired,
				boundary.isWithinCircularImport(), firstInvalidatedBy);
	}

	/**
	 * The kinds of update, named as Vite writes them.
	 */
	public enum Type {

		/** {@code js-update}: the client re-imports the accepted module. */
		JS_UPDATE,

		/** {@code css-update}: the client swaps the stylesheet's {@code <link>}. */
		CSS_UPDATE;

		static Type of(ModuleNode boundary) {
			return switch (boundary.getType()) {
				case JS -> JS_UPDATE;
				case CSS -> CSS_UPDATE;
				case ASSET -> throw new IllegalStateException(boundary + " is an asset and cannot accept updates");
			};
		}

	}

}
