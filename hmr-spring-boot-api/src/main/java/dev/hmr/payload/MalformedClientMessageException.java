package dev.hmr.payload;

import org.jspecify.annotations.Nullable;

/**
 * A frame from a browser that is not a message of Vite's protocol.
 *
 * @since 0.1.0
 */
public class MalformedClientMessageException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what is wrong
	 * @param cause the parser's error, if any
	 */
	public MalformedClientMessageException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
