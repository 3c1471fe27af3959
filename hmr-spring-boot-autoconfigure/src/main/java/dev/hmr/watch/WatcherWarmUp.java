package dev.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs the code a save goes through in the watcher, from a notification to the
 * {@link FileChangeEvent}, on a scratch file in a temporary folder, with events published
 * to nobody, until the JIT has compiled it (see {@link SourceWatcher#setWarmUpRounds}).
 */
final class WatcherWarmUp implements Runnable {

	private static final Log logger = LogFactory.getLog(WatcherWarmUp.class);

	private final int rounds;

	WatcherWarmUp(int rounds) {
		this.rounds = rounds;
	}

	@Override
	public void run() {
		long start = System.nanoTime();
		Path folder = null;
		try {
			folder = Files.createTempDirectory("hmr-warm-up");
			Path root = Files.createDirectories(folder.resolve("static"));
			Path file = Files.writeString(root.resolve("app.js"), "export const a = 1;\nimport.meta.hot.accept();\n");
			SourceRoots roots = SourceRoots.of(List.of(root), List.of(), List.of());
			// No quiet period: every save is due at once, none is coalesced into a burst.
			PendingChanges pending = new PendingChanges(Duration.ZERO, Duration.ofMillis(100));
			KnownFiles knownFiles = new KnownFiles(roots);
			knownFiles.scan();
			// No same-save window: every save is published, none dropped as a late notification.
			ChangePublisher publisher = new ChangePublisher(this, roots, pending, knownFiles, (event) -> {
			}, Duration.ZERO);
			Path absolute = file.toAbsolutePath().normalize();
			for (int i = 0; i < this.rounds && !Thread.currentThread().isInterrupted(); i++) {
				if (!roots.isIgnored(absolute)) {
					pending.add(absolute, Notification.WRITING);
					pending.add(absolute, Notification.WRITTEN);
				}
				for (PendingChange change : pending.pollDue()) {
					publisher.publish(change);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("The watcher's warm-up failed; saves are only slower until the JIT catches up", ex);
		}
		finally {
			if (folder != null) {
				deleteQuietly(folder);
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Watcher warm-up: " + this.rounds + " rounds in "
					+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
		}
	}

	private static void deleteQuietly(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			logger.debug("Unable to delete " + folder, ex);
		}
	}

}
