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
