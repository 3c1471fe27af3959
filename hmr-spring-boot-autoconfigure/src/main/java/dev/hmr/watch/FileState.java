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
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * What is known of a source file: its size and modification time, and, when it was
 * published, a checksum of its bytes.
 *
 * @param size the size in bytes
 * @param lastModified the modification time
 * @param checksum the checksum of the bytes, or {@code null} if not computed
 * @param recordedAt when this was recorded, on the {@link System#nanoTime()} scale
 */
record FileState(long size, FileTime lastModified, @Nullable Long checksum, long recordedAt) {

	/**
	 * Files larger than this are not checksummed: reading them would delay the event more
	 * than a duplicate costs.
	 */
	static final long MAX_CHECKSUM_SIZE = 1024 * 1024;

	/**
	 * The state of a file found by a scan.
	 * @param attributes the file's attributes
	 * @param nanoTime the time now
	 * @return the state, without a checksum
	 */
	static FileState scanned(BasicFileAttributes attributes, long nanoTime) {
		return new FileState(attributes.size(), attributes.lastModifiedTime(), null, nanoTime);
	}

	/**
	 * The state of a file about to be published, with a checksum of its bytes unless it
	 * is large or cannot be read.
	 * @param file the file
	 * @param attributes the file's attributes
	 * @param nanoTime the time now
	 * @return the state
	 */
	static FileState published(Path file, BasicFileAttributes attributes, long nanoTime) {
		Long checksum = null;
		if (attributes.size() <= MAX_CHECKSUM_SIZE) {
			try {
				CRC32C crc = new CRC32C();
				crc.update(Files.readAllBytes(file));
				checksum = crc.getValue();
			}
			catch (IOException ex) {
				// Gone or locked meanwhile: its next notification tells.
			}
		}
		return new FileState(attributes.size(), attributes.lastModifiedTime(), checksum, nanoTime);
	}

	/**
	 * Whether the file looks changed: another size or modification time.
	 * @param other the other state
	 * @return whether the states differ
	 */
	boolean differsFrom(@Nullable FileState other) {
		return other == null || this.size != other.size || !this.lastModified.equals(other.lastModified);
	}

	/**
	 * Whether this state comes from a late notification of the save that was published as
	 * the previous state: the same bytes, recorded within the window. A save whose
	 * notifications arrive further apart than the quiet period (a loaded machine) would
	 * otherwise be published twice. A file saved again unchanged later is still
	 * published, as Vite does.
	 * @param previous the state published before
	 * @param window the window in nanoseconds
	 * @return whether this is the same save
	 */
	boolean isSameSaveAs(FileState previous, long window) {
		return this.checksum != null && this.checksum.equals(previous.checksum) && this.size == previous.size
				&& this.recordedAt - previous.recordedAt < window;
	}

}
