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

import java.time.Duration;

import com.sun.jna.Platform;
import org.jspecify.annotations.Nullable;

import dev.hmr.watch.Notifiers;

/**
 * The notifiers that call JNA and directory-watcher. Created by reflection in the
 * watcher's own class loader, never referenced from the rest of the code.
 *
 * @since 0.1.0
 */
public final class NativeNotifiers implements Notifiers {

	@Override
	public @Nullable String inotifyUnavailableReason() {
		if (!Platform.isLinux()) {
			return "";
		}
		return LinuxInotify.isAvailable() ? null : LinuxInotify.unavailableReason();
	}

	@Override
	public Notifier inotify(Sink sink) {
		return InotifyNotifier.open(sink);
	}

	@Override
	public Notifier directoryWatcher(Sink sink, Duration latency) {
		return DirectoryWatcherNotifier.open(sink, latency);
	}

}
