package dev.hmr.watch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceWatcher} where its own libraries cannot be loaded: the JDK's
 * {@code WatchService} alone, whose notifications do not tell when a save is finished.
 */
class JdkSourceWatcherTests extends AbstractSourceWatcherTests {

	@Override
	boolean portable() {
		return true;
	}

	@Override
	boolean isolated() {
		return false;
	}

	@Test
	void watchServiceIsUsed() {
		assertThat(start().notifier()).hasToString("the JDK's WatchService");
	}

}
