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
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Receives notifications from the JDK's {@code WatchService} alone, folder by folder:
 * used only where the watcher's own libraries cannot be loaded.
 */
final class WatchServiceNotifier implements Notifiers.Notifier {

	private static final Log logger = LogFactory.getLog(WatchServiceNotifier.class);

	private final Notifiers.Sink sink;

	private final WatchService watchService;

	private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();

	private volatile boolean closed;

	private WatchServiceNotifier(Notifiers.Sink sink, WatchService watchService) {
		this.sink = sink;
		this.watchService = watchService;
	}

	static WatchServiceNotifier open(Notifiers.Sink sink) {
		WatchService watchService;
		try {
			watchService = FileSystems.getDefault().newWatchService();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to watch " + Loggable.of(sink.roots()), ex);
		}
		WatchServiceNotifier notifier = new WatchServiceNotifier(sink, watchService);
		for (Path root : sink.roots()) {
			notifier.registerTree(root, false);
		}
		return notifier;
	}

	@Override
	public void start(ThreadFactory threads) {
		threads.newThread(this::run).start();
	}

	private void run() {
		try {
			while (!this.closed) {
				WatchKey key = this.watchService.take();
				Path folder = this.folders.get(key);
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
						this.sink.requestRescan();
					}
					else if (folder != null && event.context() instanceof Path name) {
						handle(folder.resolve(name), event.kind() == StandardWatchEventKinds.ENTRY_CREATE);
					}
				}
				if (!key.reset()) {
					this.folders.remove(key);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ClosedWatchServiceException ex) {
			// closed
		}
	}

	private void handle(Path path, boolean created) {
		if (this.sink.isIgnored(path)) {
			return;
		}
		if (created && Files.isDirectory(path)) {
			registerTree(path, true);
		}
		this.sink.add(path, Notification.CHANGED);
	}

	private void registerTree(Path start, boolean notifyFiles) {
		try {
			this.sink.walk(start, (directory) -> {
				WatchKey key = directory.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
				this.folders.put(key, directory);
			}, (file) -> {
				if (notifyFiles) {
					this.sink.add(file, Notification.CHANGED);
				}
			});
		}
		catch (IOException ex) {
			logger.debug("Unable to watch the folders under " + Loggable.of(start), ex);
		}
	}

	@Override
	public List<Path> watchedFolders() {
		return List.copyOf(this.folders.values());
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.watchService.close();
		}
		catch (IOException ex) {
			logger.debug("Unable to close the WatchService", ex);
		}
	}

	@Override
	public String toString() {
		return "the JDK's WatchService";
	}

}
