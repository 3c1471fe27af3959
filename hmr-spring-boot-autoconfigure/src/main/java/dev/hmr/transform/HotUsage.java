package dev.hmr.transform;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a module uses {@code import.meta.hot}, as found by {@link HmrAcceptLexer#scan}.
 *
 * @param usesHot whether {@code import.meta.hot} occurs (the module then needs the
 * hot-context prelude)
 * @param isSelfAccepting whether an {@code accept()} call accepts the module itself (no
 * argument, a callback, or anything but a string or an array first)
 * @param acceptedDeps the string literals of {@code accept('dep', …)} and
 * {@code accept(['a', 'b'], …)} calls, in source order
 * @param acceptedExports the names given to {@code acceptExports(…)}, or {@code null} if
 * it is not called
 */
record HotUsage(boolean usesHot, boolean isSelfAccepting, List<AcceptedDep> acceptedDeps,
		@Nullable Set<String> acceptedExports) {

	/**
	 * A module that does not use {@code import.meta.hot}.
	 */
	public static final HotUsage NONE = new HotUsage(false, false, List.of(), null);

	public HotUsage {
		acceptedDeps = List.copyOf(acceptedDeps);
		acceptedExports = (acceptedExports != null)
				? Collections.unmodifiableSet(new LinkedHashSet<>(acceptedExports)) : null;
	}

}
