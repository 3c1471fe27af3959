package dev.hmr.payload;

/**
 * {@code {"type":"ping"}}: a keep-alive, ignored by its receiver.
 *
 * @since 0.1.0
 */
public record PingPayload() implements HotPayload {

	/** The one instance needed. */
	public static final PingPayload INSTANCE = new PingPayload();

	@Override
	public Type type() {
		return Type.PING;
	}

}
