package dev.hmr.watch;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeEvent.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceChangeListener}.
 */
class SourceChangeListenerTests {

	@TempDir
	Path root;

	private final PendingChanges pending = new PendingChanges(Duration.ZERO, Duration.ZERO);

	@Test
	void notificationsUnderTheRootsArePending() throws IOException {
		listener().onEvent(event(EventType.MODIFY, this.root.resolve("js/../app.js")));
		listener().onEvent(event(EventType.DELETE, this.root.resolve("js")));
		assertThat(this.pending.pollDue()).extracting(PendingChange::path)
			.containsExactly(this.root.resolve("app.js"), this.root.resolve("js"));
	}

	@Test
	void notificationsOfIgnoredFilesAreDropped() throws IOException {
		listener().onEvent(event(EventType.CREATE, this.root.resolve(".app.js.swp")));
		listener().onEvent(event(EventType.CREATE, this.root.resolve("node_modules")));
		listener().onEvent(event(EventType.CREATE, this.root.resolveSibling("outside.js")));
		assertThat(this.pending.pollDue()).isEmpty();
	}

	@Test
	void overflowRequestsARescan() throws IOException {
		listener().onEvent(new DirectoryChangeEvent(EventType.OVERFLOW, false, null, null, 1, this.root));
		assertThat(this.pending.takeRescanRequest()).isTrue();
	}

	@Test
	void exceptionRequestsARescan() {
		// directory-watcher 0.19.1 reports the JDK's OVERFLOW as a NullPointerException.
		listener().onException(new NullPointerException());
		assertThat(this.pending.takeRescanRequest()).isTrue();
	}

	@Test
	void folderThatVanishedBeforeItWasWatchedNeedsNoRescan() {
		listener().onException(new NoSuchFileException(this.root.resolve("gone").toString()));
		assertThat(this.pending.takeRescanRequest()).isFalse();
	}

	private SourceChangeListener listener() {
		return new SourceChangeListener(SourceRoots.of(List.of(this.root), List.of(), List.of()), this.pending);
	}

	private DirectoryChangeEvent event(EventType type, Path path) {
		return new DirectoryChangeEvent(type, false, path, null, 1, this.root);
	}

}
