package dev.hmr.serve;

/**
 * A module could not be served: a plugin hook failed or its source could not be
 * analysed. The request answers 500; the browsers got an {@code error} payload.
 *
 * @since 0.1.0
 */
public class ModuleTransformException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what failed
	 * @param cause why
	 */
	public ModuleTransformException(String message, Throwable cause) {
		super(message, cause);
	}

}
