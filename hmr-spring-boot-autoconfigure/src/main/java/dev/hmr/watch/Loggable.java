package dev.hmr.watch;

import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogFormatUtils;

/**
 * File-system strings as they may appear in a log line: a file name may hold any
 * character but {@code /} and NUL, so control characters are escaped.
 */
final class Loggable {

	private Loggable() {
	}

	static String of(@Nullable Object value) {
		return (value != null) ? LogFormatUtils.formatValue(value, -1, true) : "null";
	}

}
