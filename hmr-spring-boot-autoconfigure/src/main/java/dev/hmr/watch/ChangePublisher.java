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

package dev.hmr.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes due changes as {@link FileChangeEvent}s on its own thread, one at a time, so
 * that listeners never run on the thread that reads the notifications. The kind is
 * decided by the file's state now and whether it was known before; empty and vanished
 * files are {@linkplain PendingChanges#hold held back}, and a modification with the bytes
 * just published is a late notification of that save and is dropped.
 */
final class ChangePublisher implements Runnable {

	private static final Log logger = LogFactory.getLog(ChangePublisher.class);

	private final Object source;

	private final SourceRoots roots;

	private final PendingChanges pending;

	private final KnownFiles knownFiles;

	private final ApplicationEventPublisher eventPublisher;

	private final long sameSaveWindow;

	ChangePublisher(Object source, SourceRoots roots, PendingChanges pending, KnownFiles knownFiles,
			ApplicationEventPublisher eventPublisher, Duration sameSaveWindow) {
		this.source = source;
		this.roots = roots;
		this.pending = pending;
		this.knownFiles = knownFiles;
		this.eventPublisher = eventPublisher;
		this.sameSaveWindow = sameSaveWindow.toNanos();
	}

	@Override
	public void run() {
		try {
			while (this.pending.awaitDue()) {
				if (this.pending.takeRescanRequest()) {
					rescan();
				}
				publishDue();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void publishDue() {
		for (PendingChange change : this.pending.pollDue()) {
			if (this.pending.isClosed()) {
				return;
			}
			publish(change);
		}
	}

	private void rescan() {
		try {
			Set<Path> changed = this.knownFiles.changes();
			logger.info("Rescanned " + Loggable.of(this.roots) + ": " + changed.size() + " changed file(s)");
			changed.forEach(this.pending::add);
		}
		catch (RuntimeException ex) {
			logger.error("Unable to rescan " + Loggable.of(this.roots), ex);
		}
	}

	void publish(PendingChange change) {
		try {
			decide(change);
		}
		catch (RuntimeException ex) {
			logger.error("Unable to publish the change of " + Loggable.of(change.path()), ex);
		}
	}

	private void decide(PendingChange change) {
		Path path = change.path();
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (NoSuchFileException ex) {
			attributes = null;
		}
		catch (IOException ex) {
			logger.debug("Unable to read the attributes of " + Loggable.of(path) + "; skipping its change", ex);
			return;
		}
		if (attributes != null && attributes.isRegularFile()) {
			if (!this.roots.includes(path)) {
				return;
			}
			// An empty file is most likely truncated by a save that has not written yet.
			if (attributes.size() == 0 && this.pending.hold(change)) {
				return;
			}
			FileState state = FileState.published(path, attributes, System.nanoTime());
			FileState previous = this.knownFiles.put(path, state);
			if (previous != null && state.isSameSaveAs(previous, this.sameSaveWindow)) {
				if (logger.isTraceEnabled()) {
					logger.trace("Dropping a late notification of the save just published of " + Loggable.of(path));
				}
				return;
			}
			publish(path, (previous != null) ? FileChangeKind.MODIFIED : FileChangeKind.CREATED, change);
			return;
		}
		if (this.knownFiles.contains(path)) {
			// Most likely renamed away by a save (vim, emacs) that writes the new file
			// next.
			if (this.pending.hold(change)) {
				return;
			}
			this.knownFiles.remove(path);
			publish(path, FileChangeKind.DELETED, change);
			return;
		}
		// A folder: its files may be gone without notifications of their own, when the
		// folder was moved away.
		for (Path file : this.knownFiles.under(path)) {
			if (!Files.exists(file)) {
				this.knownFiles.remove(file);
				publish(file, FileChangeKind.DELETED, change);
			}
		}
	}

	private void publish(Path path, FileChangeKind kind, PendingChange change) {
		Path root = this.roots.rootOf(path);
		if (root == null) {
			return;
		}
		FileChangeEvent event = new FileChangeEvent(this.source, path, root, kind, change.observedAt());
		if (logger.isTraceEnabled()) {
			logger.trace("Publishing " + Loggable.of(event));
		}
		try {
			this.eventPublisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.error("A listener failed on " + Loggable.of(event), ex);
		}
	}

}
