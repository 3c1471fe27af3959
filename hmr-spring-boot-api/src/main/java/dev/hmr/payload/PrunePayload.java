package dev.hmr.payload;

import java.util.List;

import org.springframework.util.Assert;

/**
 * {@code {"type":"prune","paths":[…]}}: modules no longer imported by anything.
 *
 * @param paths canonical module URLs
 * @since 0.1.0
 */
public record PrunePayload(List<String> paths) implements HotPayload {

	public PrunePayload {
		Assert.notNull(paths, "'paths' must not be null");
		paths = List.copyOf(paths);
	}

	@Override
	public Type type() {
		return Type.PRUNE;
	}

}
