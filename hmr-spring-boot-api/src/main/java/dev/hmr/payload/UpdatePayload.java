package dev.hmr.payload;

import java.util.List;

import org.springframework.util.Assert;

/**
 * {@code {"type":"update","updates":[…]}}: modules to re-import and stylesheets to swap.
 *
 * @param updates the updates, in the order the client applies them
 * @since 0.1.0
 */
public record UpdatePayload(List<Update> updates) implements HotPayload {

	public UpdatePayload {
		Assert.notNull(updates, "'updates' must not be null");
		updates = List.copyOf(updates);
	}

	@Override
	public Type type() {
		return Type.UPDATE;
	}

}
