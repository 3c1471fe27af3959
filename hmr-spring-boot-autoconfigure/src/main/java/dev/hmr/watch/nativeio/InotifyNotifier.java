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

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogFormatUtils;

import dev.hmr.watch.Notification;
import dev.hmr.watch.Notifiers;

import static dev.hmr.watch.nativeio.LinuxInotify.CLOEXEC;
import static dev.hmr.watch.nativeio.LinuxInotify.EAGAIN;
import static dev.hmr.watch.nativeio.LinuxInotify.EINTR;
import static dev.hmr.watch.nativeio.LinuxInotify.ENOENT;
import static dev.hmr.watch.nativeio.LinuxInotify.ENOSPC;
import static dev.hmr.watch.nativeio.LinuxInotify.ENOTDIR;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_ATTRIB;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_CLOSE_WRITE;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_CREATE;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_DELETE;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_DELETE_SELF;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_EXCL_UNLINK;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_IGNORED;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_ISDIR;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_MODIFY;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_MOVED_FROM;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_MOVED_TO;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_MOVE_SELF;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_ONLYDIR;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_Q_OVERFLOW;
import static dev.hmr.watch.nativeio.LinuxInotify.IN_UNMOUNT;
import static dev.hmr.watch.nativeio.LinuxInotify.NONBLOCK;
import static dev.hmr.watch.nativeio.LinuxInotify.POLLIN;

/**
 * Reads Linux's inotify on its own thread and passes on what each notification says,
 * nothing more: unlike the JDK's {@code WatchService}, inotify tells when a writer closes
 * a file ({@code IN_CLOSE_WRITE}), so that a save is due the moment it is finished.
 * Folders are watched as they appear, ignored ones never; on an overflow the tree is
 * registered again and a rescan requested.
 */
final class InotifyNotifier implements Notifiers.Notifier {

	private static final Log logger = LogFactory.getLog(InotifyNotifier.class);

	private static final int MASK = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE
			| IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

	/** Room for at least a few hundred events of the longest file names. */
	private static final int BUFFER_SIZE = 64 * 1024;

	/** {@code struct inotify_event} without its name: wd, mask, cookie, len. */
	private static final int EVENT_HEADER_SIZE = 16;

	private static final Charset FILE_NAMES = fileNameCharset();

	private final Notifiers.Sink sink;

	private final LinuxInotify.C c;

	private final int inotify;

	private final int wakeUp;

	private final SourceTreeVisitor visitor;

	/** The watched folders by watch descriptor. */
	private final Map<Integer, Path> folders = new ConcurrentHashMap<>();

	private volatile boolean closed;

	private volatile boolean started;

	private boolean spaceWarned;

	private InotifyNotifier(Notifiers.Sink sink, LinuxInotify.C c, int inotify, int wakeUp) {
		this.sink = sink;
		this.visitor = new SourceTreeVisitor(sink);
		this.c = c;
		this.inotify = inotify;
		this.wakeUp = wakeUp;
	}

	/**
	 * Open an inotify instance and watch the roots; a change made once this returns is
	 * notified once the notifier is started.
	 * @param sink the roots, and where notifications go
	 * @return the notifier
	 * @throws IllegalStateException if inotify is not available or cannot be opened
	 */
	static InotifyNotifier open(Notifiers.Sink sink) {
		LinuxInotify.C c = LinuxInotify.c();
		int inotify;
		try {
			inotify = c.inotify_init1(NONBLOCK | CLOEXEC);
		}
		catch (LastErrorException ex) {
			throw new IllegalStateException("Unable to open an inotify instance (errno " + ex.getErrorCode()
					+ "; see fs.inotify.max_user_instances)", ex);
		}
		int wakeUp;
		try {
			wakeUp = c.eventfd(0, NONBLOCK | CLOEXEC);
		}
		catch (LastErrorException ex) {
			closeQuietly(c, inotify);
			throw new IllegalStateException("Unable to open an eventfd (errno " + ex.getErrorCode() + ")", ex);
		}
		InotifyNotifier notifier = new InotifyNotifier(sink, c, inotify, wakeUp);
		for (Path root : sink.roots()) {
			notifier.registerTree(root, false);
		}
		return notifier;
	}

	@Override
	public void start(ThreadFactory threads) {
		this.started = true;
		threads.newThread(this::run).start();
	}

	private void run() {
		Memory pollFds = new Memory(16);
		Memory buffer = new Memory(BUFFER_SIZE);
		try {
			while (!this.closed) {
				pollFds.setInt(0, this.inotify);
				pollFds.setShort(4, POLLIN);
				pollFds.setShort(6, (short) 0);
				pollFds.setInt(8, this.wakeUp);
				pollFds.setShort(12, POLLIN);
				pollFds.setShort(14, (short) 0);
				try {
					this.c.poll(pollFds, new NativeLong(2), -1);
				}
				catch (LastErrorException ex) {
					if (ex.getErrorCode() != EINTR) {
						throw ex;
					}
					continue;
				}
				if (this.closed || pollFds.getShort(14) != 0) {
					return;
				}
				if (pollFds.getShort(6) != 0) {
					readEvents(buffer);
				}
			}
		}
		catch (RuntimeException ex) {
			if (!this.closed) {
				logger.error("Stopped watching " + loggable(this.sink.roots()) + ": inotify failed", ex);
			}
		}
		finally {
			closeQuietly(this.c, this.inotify);
			closeQuietly(this.c, this.wakeUp);
		}
	}

	private void readEvents(Memory buffer) {
		long length;
		try {
			length = this.c.read(this.inotify, buffer, new NativeLong(BUFFER_SIZE)).longValue();
		}
		catch (LastErrorException ex) {
			if (ex.getErrorCode() == EAGAIN || ex.getErrorCode() == EINTR) {
				return;
			}
			throw ex;
		}
		int offset = 0;
		while (offset + EVENT_HEADER_SIZE <= length) {
			int wd = buffer.getInt(offset);
			int mask = buffer.getInt(offset + 4);
			int nameLength = buffer.getInt(offset + 12);
			String name = (nameLength > 0) ? name(buffer, offset + EVENT_HEADER_SIZE, nameLength) : null;
			offset += EVENT_HEADER_SIZE + nameLength;
			try {
				handle(wd, mask, name);
			}
			catch (RuntimeException ex) {
				logger.warn("Unable to handle a notification for " + loggable(this.folders.get(wd) + "/" + name), ex);
			}
		}
	}

	private void handle(int wd, int mask, @Nullable String name) {
		if ((mask & IN_Q_OVERFLOW) != 0) {
			logger.warn("Too many changes at once under " + loggable(this.sink.roots())
					+ ", notifications were lost; rescanning the source roots");
			for (Path root : this.sink.roots()) {
				registerTree(root, false);
			}
			this.sink.requestRescan();
			return;
		}
		Path folder = this.folders.get(wd);
		if (folder == null) {
			return;
		}
		if ((mask & IN_IGNORED) != 0) {
			// the folder is gone, or its watch was removed
			this.folders.remove(wd);
			return;
		}
		if (name == null) {
			if ((mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) != 0 && this.sink.roots().contains(folder)) {
				logger.warn("Stopped watching " + loggable(folder) + "; was the root deleted or moved?");
			}
			return;
		}
		Path path = folder.resolve(name);
		if (this.sink.isIgnored(path)) {
			return;
		}
		if ((mask & IN_ISDIR) != 0) {
			if ((mask & (IN_CREATE | IN_MOVED_TO)) != 0) {
				registerTree(path, true);
			}
			else if ((mask & IN_MOVED_FROM) != 0) {
				unregisterTree(path);
				this.sink.add(path, Notification.CHANGED);
			}
			else if ((mask & IN_DELETE) != 0) {
				this.sink.add(path, Notification.CHANGED);
			}
			return;
		}
		if ((mask & IN_CREATE) != 0) {
			this.sink.add(path, Notification.CREATED);
		}
		if ((mask & IN_MODIFY) != 0) {
			this.sink.add(path, Notification.WRITING);
		}
		if ((mask & (IN_ATTRIB | IN_DELETE | IN_MOVED_FROM)) != 0) {
			this.sink.add(path, Notification.CHANGED);
		}
		if ((mask & IN_CLOSE_WRITE) != 0) {
			this.sink.add(path, Notification.WRITTEN);
		}
		if ((mask & IN_MOVED_TO) != 0) {
			this.sink.add(path, Notification.MOVED_IN);
		}
	}

	/**
	 * Watch a folder and the folders under it that are not ignored.
	 * @param start the folder
	 * @param notifyFiles whether to notify the files found (a folder created or moved in
	 * after the watch started: its files were never notified)
	 */
	private void registerTree(Path start, boolean notifyFiles) {
		try {
			this.visitor.recursiveVisitFiles(start, this::register, (file) -> {
				if (notifyFiles) {
					this.sink.add(file, Notification.CHANGED);
				}
			});
		}
		catch (IOException ex) {
			logger.debug("Unable to watch the folders under " + loggable(start), ex);
		}
	}

	/**
	 * Watch a folder.
	 * @throws NoSuchFileException if it is gone: nothing under it to visit
	 */
	private void register(Path directory) throws NoSuchFileException {
		byte[] path = (directory.toString() + '\0').getBytes(FILE_NAMES);
		try {
			int wd = this.c.inotify_add_watch(this.inotify, path, MASK);
			this.folders.put(wd, directory);
		}
		catch (LastErrorException ex) {
			int errno = ex.getErrorCode();
			if (errno == ENOENT || errno == ENOTDIR) {
				throw new NoSuchFileException(directory.toString());
			}
			if (errno == ENOSPC) {
				if (!this.spaceWarned) {
					this.spaceWarned = true;
					logger
						.warn("Unable to watch " + loggable(directory) + " and maybe more folders: the limit of inotify"
								+ " watches is reached (raise fs.inotify.max_user_watches)");
				}
				return;
			}
			logger.warn("Unable to watch " + loggable(directory) + " (errno " + errno + ")");
		}
	}

	/**
	 * Stop watching the folders under one that was moved away: their watches would
	 * otherwise keep reporting from outside the roots.
	 */
	private void unregisterTree(Path moved) {
		Iterator<Map.Entry<Integer, Path>> iterator = this.folders.entrySet().iterator();
		while (iterator.hasNext()) {
			Map.Entry<Integer, Path> entry = iterator.next();
			if (entry.getValue().startsWith(moved)) {
				iterator.remove();
				try {
					this.c.inotify_rm_watch(this.inotify, entry.getKey());
				}
				catch (LastErrorException ex) {
					// already gone
				}
			}
		}
	}

	/**
	 * Stop: wake the reading thread, which closes the inotify instance as it ends.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (!this.started) {
			closeQuietly(this.c, this.inotify);
			closeQuietly(this.c, this.wakeUp);
			return;
		}
		Memory one = new Memory(8);
		one.setLong(0, 1);
		try {
			this.c.write(this.wakeUp, one, new NativeLong(8));
		}
		catch (LastErrorException ex) {
			logger.debug("Unable to wake the inotify thread (errno " + ex.getErrorCode() + ")");
		}
	}

	@Override
	public List<Path> watchedFolders() {
		return List.copyOf(this.folders.values());
	}

	/** A file-system name as it may appear in a log line: control characters escaped. */
	static String loggable(@Nullable Object value) {
		return (value != null) ? LogFormatUtils.formatValue(value, -1, true) : "null";
	}

	private static String name(Memory buffer, int offset, int length) {
		byte[] bytes = buffer.getByteArray(offset, length);
		int end = 0;
		while (end < bytes.length && bytes[end] != 0) {
			end++;
		}
		return new String(bytes, 0, end, FILE_NAMES);
	}

	private static void closeQuietly(LinuxInotify.C c, int fd) {
		try {
			c.close(fd);
		}
		catch (LastErrorException ex) {
			// nothing to do
		}
	}

	private static Charset fileNameCharset() {
		String encoding = System.getProperty("sun.jnu.encoding");
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}
		catch (RuntimeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	@Override
	public String toString() {
		return "inotify";
	}

}
