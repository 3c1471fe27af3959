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

package dev.hmr.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * The modules served from files of the source roots, kept as sent (bytes, type, ETag) so
 * that a request for one whose inputs did not change reads, transforms and hashes nothing
 * (Vite's {@code transformResult} of a module). An answer is valid while:
 * <ul>
 * <li>no file changed since it was made: every change of a watched file starts a new
 * generation (the file's content, plugins' hooks and the resolution of its imports may
 * depend on any of them; Vite invalidates a module's result on a change and on HMR);</li>
 * <li>the HMR timestamps it wrote into its imports as {@code ?t=} are still those of the
 * imported modules (a hot update, a {@code vite:invalidate} or a prune re-stamps them
 * without a change of this file);</li>
 * <li>its file has the size and modification time it had (one {@code stat}, no read): a
 * change the watcher did not see yet, or never sees (a folder mounted from elsewhere
 * without {@code hmr.watch.poll-interval}), is served as it would be without the
 * cache.</li>
 * </ul>
 * The generation and the file's stamp are read before the file is, so a save seen while
 * an answer is made leaves it stale, never pinned. Failures are not kept.
 */
final class TransformCache {

	/**
	 * Past this many answers, or this many bytes of them, the cache starts again empty.
	 */
	static final int MAX_ENTRIES = 20_000;

	static final long MAX_BYTES = 64L * 1024 * 1024;

	/** The bytes of the answers put since the cache was last emptied. */
	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong generation = new AtomicLong();

	private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

	private final boolean enabled;

	TransformCache(boolean enabled) {
		this.enabled = enabled;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * The generation to make an answer in; read before reading its file.
	 * @return the current generation
	 */
	long generation() {
		return this.generation.get();
	}

	/**
	 * A file changed: every answer made before is stale.
	 */
	void invalidateAll() {
		this.generation.incrementAndGet();
		this.entries.clear();
		this.bytes.set(0);
	}

	/**
	 * The answer kept for a request, if it is still valid.
	 * @param key what the request asks for
	 * @param file the file resolved for it, or {@code null} if not resolved yet (the file
	 * it was made from is checked then)
	 * @return the module, or {@code null} to make it again
	 */
	@Nullable ModuleResource get(Key key, @Nullable Path file) {
		Entry entry = this.entries.get(key);
		if (entry == null || (file != null && !file.equals(entry.file))) {
			return null;
		}
		if (entry.generation != this.generation.get() || !entry.stamp.equals(stamp(entry.file))
				|| !entry.dependencies.unchanged()) {
			this.entries.remove(key, entry);
			return null;
		}
		return entry.module;
	}

	/**
	 * Keep an answer made in a generation, unless a file changed since.
	 * @param key what the request asked for
	 * @param generation the generation read before the file was
	 * @param stamp the file's stamp read before the file was
	 * @param module the answer
	 * @param dependencies the timestamps the answer was made with
	 */
	void put(Key key, Path file, long generation, @Nullable Stamp stamp, ModuleResource module,
			Dependencies dependencies) {
		if (stamp == null || generation != this.generation.get()) {
			return;
		}
		if (this.entries.size() >= MAX_ENTRIES || this.bytes.addAndGet(module.contentLength()) > MAX_BYTES) {
			this.entries.clear();
			this.bytes.set(module.contentLength());
		}
		this.entries.put(key, new Entry(file, generation, stamp, module, dependencies));
	}

	/**
	 * The size and modification time of a file, or {@code null} if it cannot be read.
	 * @param file the file
	 * @return its stamp
	 */
	static @Nullable Stamp stamp(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	int size() {
		return this.entries.size();
	}

	/**
	 * What a request asks for: the canonical URL and the request's properties the answer
	 * depends on.
	 *
	 * @param url the canonical URL
	 * @param kind the request's properties, as bits
	 */
	record Key(String url, int kind) {

	}

	private record Entry(Path file, long generation, Stamp stamp, ModuleResource module, Dependencies dependencies) {

	}

	/**
	 * A file's size and modification time.
	 *
	 * @param size the size in bytes
	 * @param modified the modification time in nanoseconds since the epoch
	 */
	record Stamp(long size, long modified) {

	}

	/**
	 * The HMR timestamps an answer wrote into its imports, recorded as the transform asks
	 * for them, checked again before the answer is reused.
	 */
	static final class Dependencies {

		private final List<Dependency> recorded = new ArrayList<>(4);

		/**
		 * Look up a timestamp and record it. Called by the one thread that makes the
		 * answer, before the answer is {@link #put kept}.
		 * @param key the module's URL or file
		 * @param timestamps how its timestamp is found
		 * @param <K> the type of key
		 * @return the timestamp
		 */
		@SuppressWarnings("unchecked")
		<K> long record(K key, ToLongFunction<K> timestamps) {
			long timestamp = timestamps.applyAsLong(key);
			this.recorded.add(new Dependency(key, (ToLongFunction<Object>) timestamps, timestamp));
			return timestamp;
		}

		boolean unchanged() {
			for (Dependency dependency : this.recorded) {
				if (dependency.timestamps().applyAsLong(dependency.key()) != dependency.timestamp()) {
					return false;
				}
			}
			return true;
		}

	}

	private record Dependency(Object key, ToLongFunction<Object> timestamps, long timestamp) {

	}

}
