package dev.hmr.payload;

import org.springframework.util.Assert;

/**
 * {@code {"type":"error","err":{…}}}: an error for the browser's overlay.
 *
 * @param err the error
 * @since 0.1.0
 */
public record ErrorPayload(HotError err) implements HotPayload {

	public ErrorPayload {
		Assert.notNull(err, "'err' must not be null");
	}

	@Override
	public Type type() {
		return Type.ERROR;
	}

}
