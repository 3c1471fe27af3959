/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.hmr.watch.nativeio;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hmr.watch.Notification;
import dev.hmr.watch.Notifiers;

/**
 * Passes the directory watcher's notifications on, folders included: the publisher needs
 * them to find the files of a folder that was deleted or moved away.
 */
final class SourceChangeListener implements DirectoryChangeListener {

	private static final Log logger = LogFactory.getLog(SourceChangeListener.class);

	private final Notifiers.Sink sink;

	SourceChangeListener(Notifiers.Sink sink) {
		this.sink = sink;
	}

	@Override
	public void onEvent(DirectoryChangeEvent event) {
		if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
			logger.warn("Too many changes at once under " + InotifyNotifier.loggable(event.rootPath())
					+ ", notifications were lost; rescanning the source roots");
			this.sink.requestRescan();
			return;
		}
		Path path = event.path();
		if (path != null) {
			Path absolute = path.toAbsolutePath().normalize();
			if (!this.sink.isIgnored(absolute)) {
				this.sink.add(absolute, Notification.CHANGED);
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
		logger.warn(
				"Notifications may have been lost (" + InotifyNotifier.loggable(ex) + "); rescanning the source roots",
				ex);
		this.sink.requestRescan();
	}

}
