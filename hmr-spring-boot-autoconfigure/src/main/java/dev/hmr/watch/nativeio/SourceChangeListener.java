package dev.hmr.watch;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Receives the directory watcher's notifications on its thread and adds them to the
 * pending changes; nothing slow happens here. Notifications of folders are kept: the
 * publisher needs them to find the files of a folder that was deleted or moved away.
 */
final class SourceChangeListener implements DirectoryChangeListener {

	private static final Log logger = LogFactory.getLog(SourceChangeListener.class);

	private final SourceRoots roots;

	private final PendingChanges pending;

	SourceChangeListener(SourceRoots roots, PendingChanges pending) {
		this.roots = roots;
		this.pending = pending;
	}

	@Override
	public void onEvent(DirectoryChangeEvent event) {
		if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
			logger.warn("Too many changes at once under " + event.rootPath()
					+ ", notifications were lost; rescanning the source roots");
			this.pending.requestRescan();
			return;
		}
		Path path = event.path();
		if (path != null) {
			Path absolute = path.toAbsolutePath().normalize();
			if (!this.roots.isIgnored(absolute)) {
				this.pending.add(absolute);
			}
		}
	}

	@Override
	public void onException(Exception ex) {
		if (ex instanceof NoSuchFileException) {
			// A folder that vanished before it could be watched: nothing left to find.
			logger.debug("Unable to watch a folder that is gone", ex);
			return;
		}
		// The watcher reports an overflow of the JDK's queue as an exception, too.
		logger.warn("Notifications may have been lost (" + ex + "); rescanning the source roots", ex);
		this.pending.requestRescan();
	}

}
