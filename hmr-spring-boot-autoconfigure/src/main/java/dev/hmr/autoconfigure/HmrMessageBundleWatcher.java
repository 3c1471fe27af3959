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

package dev.hmr.autoconfigure;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.watch.SourceRoots;

/**
 * Reloads the pages when a message bundle is saved in a folder that no watched root
 * covers, such as {@code src/main/resources/messages.properties}: those folders alone
 * (not their subfolders) are watched with the JDK's {@link WatchService}, and the
 * notifications of one save (several writes) make one {@code full-reload}. Bundles under
 * a root are the source watcher's.
 */
final class HmrMessageBundleWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(HmrMessageBundleWatcher.class);

	/** How long a save's notifications may keep arriving after the first. */
	private static final long QUIET_MILLIS = 20;

	private final HmrMessageSourcePostProcessor messageSources;

	private final SourceRoots roots;

	private final ServerHotChannel channel;

	private volatile @Nullable WatchService watchService;

	HmrMessageBundleWatcher(HmrMessageSourcePostProcessor messageSources, SourceRoots roots, ServerHotChannel channel) {
		Assert.notNull(messageSources, "'messageSources' must not be null");
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(channel, "'channel' must not be null");
		this.messageSources = messageSources;
		this.roots = roots;
		this.channel = channel;
	}

	@Override
	public void start() {
		List<Path> folders = new ArrayList<>();
		for (Path folder : this.messageSources.bundleFolders()) {
			if (this.roots.rootOf(folder) == null) {
				folders.add(folder);
			}
		}
		if (folders.isEmpty()) {
			return;
		}
		try {
			WatchService service = FileSystems.getDefault().newWatchService();
			for (Path folder : folders) {
				folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
						StandardWatchEventKinds.ENTRY_DELETE);
			}
			this.watchService = service;
			Thread thread = new Thread(() -> run(service), "hmr-messages-watcher");
			thread.setDaemon(true);
			thread.start();
			if (logger.isDebugEnabled()) {
				logger.debug("Watching " + folders + " for message bundles");
			}
		}
		catch (IOException ex) {
			logger.warn("Message bundles in " + folders + " are not watched: " + ex.getMessage());
		}
	}

	private void run(WatchService service) {
		try {
			while (true) {
				Path changed = bundleOf(service.take());
				WatchKey more;
				while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
					Path next = bundleOf(more);
					changed = (changed != null) ? changed : next;
				}
				if (changed != null) {
					logger.info("page reload " + changed + " (message bundle)");
					this.channel.send(new FullReloadPayload("*", changed.toString()));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ClosedWatchServiceException ex) {
			// stopped
		}
	}

	private @Nullable Path bundleOf(WatchKey key) {
		Path changed = null;
		Path folder = (Path) key.watchable();
		for (WatchEvent<?> event : key.pollEvents()) {
			if (event.context() instanceof Path name) {
				Path file = folder.resolve(name);
				if (changed == null && this.messageSources.isBundle(file)) {
					changed = file;
				}
			}
		}
		key.reset();
		return changed;
	}

	@Override
	public void stop() {
		WatchService service = this.watchService;
		this.watchService = null;
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException ex) {
				logger.debug("Could not close the message bundles' watch service", ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.watchService != null;
	}

}
