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
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TransformCache}.
 */
class TransformCacheTests {

	@Test
	void anAnswerMadeBeforeAChangeIsNotKept(@TempDir Path root) throws IOException {
		Path file = Files.writeString(root.resolve("a.js"), "a");
		TransformCache cache = new TransformCache(true);
		TransformCache.Key key = new TransformCache.Key("/a.js", 0);
		long generation = cache.generation();
		TransformCache.Stamp stamp = TransformCache.stamp(file);
		cache.invalidateAll();

		cache.put(key, file, generation, stamp, new ModuleResource("a", "a.js"), new TransformCache.Dependencies());

		assertThat(cache.get(key, file)).isNull();
	}

	@Test
	void anAnswerIsValidWhileItsFileAndTheTimestampsItWroteAreUnchanged(@TempDir Path root) throws IOException {
		Path file = Files.writeString(root.resolve("a.js"), "a");
		TransformCache cache = new TransformCache(true);
		TransformCache.Key key = new TransformCache.Key("/a.js", 0);
		AtomicLong timestamp = new AtomicLong(1);
		TransformCache.Dependencies dependencies = new TransformCache.Dependencies();
		assertThat(dependencies.record("/b.js", (url) -> timestamp.get())).isEqualTo(1);
		ModuleResource module = new ModuleResource("a", "a.js");
		cache.put(key, file, cache.generation(), TransformCache.stamp(file), module, dependencies);

		assertThat(cache.get(key, file)).isSameAs(module);
		assertThat(cache.get(key, null)).isSameAs(module);
		assertThat(cache.get(key, root.resolve("other.js"))).isNull();
		timestamp.set(2);
		assertThat(cache.get(key, file)).isNull();
		cache.put(key, file, cache.generation(), TransformCache.stamp(file), module, new TransformCache.Dependencies());
		Files.writeString(file, "longer");
		assertThat(cache.get(key, file)).isNull();
	}

	@Test
	void theCacheStartsAgainPastItsLimit(@TempDir Path root) throws IOException {
		Path file = Files.writeString(root.resolve("a.js"), "a");
		TransformCache cache = new TransformCache(true);
		TransformCache.Stamp stamp = TransformCache.stamp(file);
		ModuleResource module = new ModuleResource("a", "a.js");
		for (int i = 0; i <= TransformCache.MAX_ENTRIES; i++) {
			cache.put(new TransformCache.Key("/m" + i + ".js", 0), file, cache.generation(), stamp, module,
					new TransformCache.Dependencies());
		}
		assertThat(cache.size()).isEqualTo(1);
		ModuleResource large = new ModuleResource("x".repeat((int) (TransformCache.MAX_BYTES / 2) + 1), "large.js");
		cache.put(new TransformCache.Key("/l1.js", 0), file, cache.generation(), stamp, large,
				new TransformCache.Dependencies());
		cache.put(new TransformCache.Key("/l2.js", 0), file, cache.generation(), stamp, large,
				new TransformCache.Dependencies());
		assertThat(cache.size()).isEqualTo(1);
	}

}
