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

package dev.hmr.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.util.Assert;

import dev.hmr.graph.ModuleNode;

/**
 * A file change as {@link HmrPlugin#handleHotUpdate} sees it (Vite's {@code HmrContext}).
 *
 * @since 0.1.0
 */
public final class HmrContext {

	private static final int READ_ATTEMPTS = 10;

	private static final long READ_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final Path file;

	private final long timestamp;

	private final List<ModuleNode> modules;

	private final HmrServer server;

	/**
	 * Create a context.
	 * @param file the changed file
	 * @param timestamp the change's HMR timestamp
	 * @param modules the modules affected so far
	 * @param server the server
	 */
	public HmrContext(Path file, long timestamp, List<ModuleNode> modules, HmrServer server) {
		Assert.notNull(file, "'file' must not be null");
		Assert.notNull(modules, "'modules' must not be null");
		Assert.notNull(server, "'server' must not be null");
		this.file = file;
		this.timestamp = timestamp;
		this.modules = List.copyOf(modules);
		this.server = server;
	}

	/**
	 * The changed file.
	 * @return its absolute path
	 */
	public Path getFile() {
		return this.file;
	}

	/**
	 * The HMR timestamp of this change (13-digit epoch milliseconds).
	 * @return the timestamp
	 */
	public long getTimestamp() {
		return this.timestamp;
	}

	/**
	 * The modules the change affects: those the file backs, as narrowed or replaced by
	 * the plugins before this one.
	 * @return the modules
	 */
	public List<ModuleNode> getModules() {
		return this.modules;
	}

	/**
	 * The server.
	 * @return the server
	 */
	public HmrServer getServer() {
		return this.server;
	}

	/**
	 * Read the file as UTF-8. Editors that truncate before writing leave a file empty for
	 * a moment; like Vite, an empty read is retried a few times (up to 100 ms in all)
	 * before it is believed.
	 * @return the file's text
	 * @throws IOException if the file cannot be read (for example, it was deleted)
	 */
	public String read() throws IOException {
		String content = Files.readString(this.file, StandardCharsets.UTF_8);
		for (int attempt = 1; content.isEmpty() && attempt < READ_ATTEMPTS; attempt++) {
			LockSupport.parkNanos(READ_RETRY_NANOS);
			content = Files.readString(this.file, StandardCharsets.UTF_8);
		}
		return content;
	}

	/**
	 * Copy of this context with other modules, for the next plugin in line.
	 * @param modules the modules
	 * @return the new context
	 */
	public HmrContext withModules(List<ModuleNode> modules) {
		return new HmrContext(this.file, this.timestamp, modules, this.server);
	}

}
