package dev.hmr.watch;

import java.nio.file.Path;

/**
 * The notifications received for one path that are not published yet. Guarded by the
 * lock of its {@link PendingChanges} while it is pending.
 */
final class PendingChange {

	private final Path path;

	private long first;

	private long last;

	private long observedAt;

	private boolean held;

	PendingChange(Path path, long nanoTime, long observedAt) {
		this.path = path;
		this.first = nanoTime;
		this.last = nanoTime;
		this.observedAt = observedAt;
	}

	/**
	 * The path that changed.
	 * @return the absolute, normalized path
	 */
	Path path() {
		return this.path;
	}

	/**
	 * When the last notification was received.
	 * @return milliseconds since the epoch
	 */
	long observedAt() {
		return this.observedAt;
	}

	void notified(long nanoTime, long observedAt) {
		this.last = nanoTime;
		this.observedAt = observedAt;
		this.held = false;
	}

	void merge(PendingChange earlier) {
		if (earlier.first - this.first < 0) {
			this.first = earlier.first;
		}
	}

	void hold() {
		this.held = true;
	}

	boolean isHeld() {
		return this.held;
	}

	/**
	 * When the change is due: once the path has been quiet for the quiet period, and at
	 * the latest the maximum delay after the first notification. A held change waits for
	 * the maximum delay.
	 * @param quietPeriod the quiet period in nanoseconds
	 * @param maximumDelay the maximum delay in nanoseconds
	 * @return the due time on the {@link System#nanoTime()} scale
	 */
	long due(long quietPeriod, long maximumDelay) {
		long latest = this.first + maximumDelay;
		if (this.held) {
			return latest;
		}
		long quiet = this.last + quietPeriod;
		return (quiet - latest < 0) ? quiet : latest;
	}

	/**
	 * Whether the change may still be held back at the given time.
	 * @param nanoTime the time on the {@link System#nanoTime()} scale
	 * @param maximumDelay the maximum delay in nanoseconds
	 * @return whether the maximum delay has not passed yet
	 */
	boolean isBefore(long nanoTime, long maximumDelay) {
		return nanoTime - (this.first + maximumDelay) < 0;
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

}
