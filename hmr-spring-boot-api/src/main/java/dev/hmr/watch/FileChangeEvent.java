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

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * {@link ApplicationEvent} published when a file under a source root was created,
 * modified or deleted. An editor's save, however many writes and renames it takes, is one
 * event. Its {@linkplain #getTimestamp() timestamp} is when the last notification of the
 * change was received.
 *
 * @since 0.1.0
 */
public class FileChangeEvent extends ApplicationEvent {

	private final Path path;

	private final Path root;

	private final FileChangeKind kind;

	/**
	 * Create a new {@link FileChangeEvent}.
	 * @param source the source of the event, usually the runtime's {@code SourceWatcher}
	 * @param path the file that changed
	 * @param root the source root the file is under
	 * @param kind the kind of change
	 * @param timestamp when the change was observed, in milliseconds since the epoch
	 */
	public FileChangeEvent(Object source, Path path, Path root, FileChangeKind kind, long timestamp) {
		super(source, Clock.fixed(Instant.ofEpochMilli(timestamp), ZoneOffset.UTC));
		Assert.notNull(path, "'path' must not be null");
		Assert.notNull(root, "'root' must not be null");
		Assert.notNull(kind, "'kind' must not be null");
		this.path = path.toAbsolutePath().normalize();
		this.root = root.toAbsolutePath().normalize();
		this.kind = kind;
		Assert.isTrue(this.path.startsWith(this.root) && !this.path.equals(this.root),
				() -> "'path' " + path + " must be under 'root' " + root);
	}

	/**
	 * The file that changed.
	 * @return the absolute, normalized path of the file
	 */
	public Path getPath() {
		return this.path;
	}

	/**
	 * The source root the file is under.
	 * @return the absolute, normalized path of the root
	 */
	public Path getRoot() {
		return this.root;
	}

	/**
	 * The kind of change.
	 * @return the kind
	 */
	public FileChangeKind getKind() {
		return this.kind;
	}

	@Override
	public String toString() {
		return "FileChangeEvent[" + this.kind + " " + this.root.relativize(this.path) + " in " + this.root + " at "
				+ Instant.ofEpochMilli(getTimestamp()) + "]";
	}

}
