package dev.hmr.payload;

/**
 * {@code {"type":"connected"}}: the first message on every connection.
 *
 * @since 0.1.0
 */
public record ConnectedPayload() implements HotPayload {

	/** The one instance needed. */
	public static final ConnectedPayload INSTANCE = new ConnectedPayload();

	@Override
	public Type type() {
		return Type.CONNECTED;
	}

}
