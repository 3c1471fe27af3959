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

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * The Linux C library calls behind {@link InotifyNotifier}, through JNA: inotify itself,
 * and an eventfd with {@code poll} to wake the reading thread when the watch is closed.
 * The JDK's {@code WatchService} reads the same inotify events but drops
 * {@code IN_CLOSE_WRITE}, the one that says a save is finished.
 */
final class LinuxInotify {

	static final int IN_MODIFY = 0x00000002;

	static final int IN_ATTRIB = 0x00000004;

	static final int IN_CLOSE_WRITE = 0x00000008;

	static final int IN_MOVED_FROM = 0x00000040;

	static final int IN_MOVED_TO = 0x00000080;

	static final int IN_CREATE = 0x00000100;

	static final int IN_DELETE = 0x00000200;

	static final int IN_DELETE_SELF = 0x00000400;

	static final int IN_MOVE_SELF = 0x00000800;

	static final int IN_UNMOUNT = 0x00002000;

	static final int IN_Q_OVERFLOW = 0x00004000;

	static final int IN_IGNORED = 0x00008000;

	static final int IN_ONLYDIR = 0x01000000;

	static final int IN_EXCL_UNLINK = 0x04000000;

	static final int IN_ISDIR = 0x40000000;

	/** {@code IN_NONBLOCK}, {@code EFD_NONBLOCK}: {@code O_NONBLOCK}. */
	static final int NONBLOCK = 0x800;

	/** {@code IN_CLOEXEC}, {@code EFD_CLOEXEC}: {@code O_CLOEXEC}. */
	static final int CLOEXEC = 0x80000;

	static final short POLLIN = 0x1;

	static final int EINTR = 4;

	static final int EAGAIN = 11;

	static final int ENOENT = 2;

	static final int ENOTDIR = 20;

	static final int ENOSPC = 28;

	private static final Object monitor = new Object();

	private static volatile @Nullable C c;

	private static volatile @Nullable Throwable unavailable;

	private LinuxInotify() {
	}

	/**
	 * The C library, loaded on first use.
	 * @return the library
	 * @throws IllegalStateException if this is not Linux or JNA cannot load
	 */
	static C c() {
		C loaded = c;
		if (loaded != null) {
			return loaded;
		}
		synchronized (monitor) {
			if (c == null && unavailable == null) {
				try {
					if (!Platform.isLinux()) {
						throw new UnsupportedOperationException("inotify is Linux only");
					}
					c = Native.load(Platform.C_LIBRARY_NAME, C.class);
				}
				catch (Throwable ex) {
					// JNA's own native part may fail to load (no temporary folder it may
					// execute from, an unknown architecture): LinkageErrors included
					unavailable = ex;
				}
			}
			if (c == null) {
				throw new IllegalStateException("inotify is not available: " + unavailable, unavailable);
			}
			return c;
		}
	}

	/**
	 * Why the calls cannot be made here.
	 * @return the failure to load them, or {@code "not tried"}
	 */
	static String unavailableReason() {
		Throwable failure = unavailable;
		return (failure != null) ? failure.toString() : "not tried";
	}

	/**
	 * Whether the calls can be made here.
	 * @return whether this is Linux and JNA loads
	 */
	static boolean isAvailable() {
		try {
			c();
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/**
	 * The calls used, as the C library declares them. Each throws
	 * {@link LastErrorException} with the {@code errno} when it fails.
	 */
	interface C extends Library {

		int inotify_init1(int flags) throws LastErrorException;

		int inotify_add_watch(int fd, byte[] pathname, int mask) throws LastErrorException;

		int inotify_rm_watch(int fd, int wd) throws LastErrorException;

		int eventfd(int initval, int flags) throws LastErrorException;

		int poll(Pointer fds, NativeLong nfds, int timeout) throws LastErrorException;

		NativeLong read(int fd, Pointer buf, NativeLong count) throws LastErrorException;

		NativeLong write(int fd, Pointer buf, NativeLong count) throws LastErrorException;

		int close(int fd) throws LastErrorException;

	}

}
