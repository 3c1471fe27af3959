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
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KnownFiles}, which finds what changed when notifications were lost.
 */
class KnownFilesTests {

	@TempDir
	Path root;

	private KnownFiles knownFiles;

	@BeforeEach
	void createKnownFiles() {
		this.knownFiles = new KnownFiles(SourceRoots.of(List.of(this.root), List.of(), List.of("**/*.map")));
	}

	@Test
	void scanRecordsTheSourceFilesOnly() throws IOException {
		Path app = write("js/app.js", "app");
		write("js/app.js.map", "map");
		write(".git/HEAD", "ref");
		write("node_modules/lib/index.js", "lib");
		write(".app.js.swp", "swap");
		this.knownFiles.scan();
		assertThat(this.knownFiles.size()).isOne();
		assertThat(this.knownFiles.contains(app)).isTrue();
	}

	@Test
	void changesAreNewMissingAndModifiedFiles() throws IOException {
		Path kept = write("kept.js", "kept");
		Path modified = write("modified.js", "one");
		Path resized = write("resized.js", "one");
		Path deleted = write("deleted.js", "one");
		this.knownFiles.scan();
		Files.setLastModifiedTime(modified, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		Files.writeString(resized, "longer");
		Files.delete(deleted);
		Path created = write("js/created.js", "new");
		assertThat(this.knownFiles.changes()).containsExactlyInAnyOrder(modified, resized, deleted, created)
			.doesNotContain(kept);
	}

	@Test
	void changesAreNotRecorded() throws IOException {
		this.knownFiles.scan();
		Path created = write("created.js", "new");
		assertThat(this.knownFiles.changes()).containsExactly(created);
		assertThat(this.knownFiles.changes()).containsExactly(created);
	}

	@Test
	void putAndRemoveTellWhatWasKnown() throws IOException {
		Path app = write("app.js", "app");
		FileState state = FileState.scanned(Files.readAttributes(app, BasicFileAttributes.class), System.nanoTime());
		assertThat(this.knownFiles.put(app, state)).isNull();
		assertThat(this.knownFiles.put(app, state)).isEqualTo(state);
		assertThat(this.knownFiles.remove(app)).isTrue();
		assertThat(this.knownFiles.remove(app)).isFalse();
	}

	@Test
	void underListsTheKnownFilesOfAFolder() throws IOException {
		Path first = write("js/a/first.js", "one");
		Path second = write("js/second.js", "two");
		write("js-other/third.js", "three");
		this.knownFiles.scan();
		assertThat(this.knownFiles.under(this.root.resolve("js"))).containsExactly(first, second);
		assertThat(this.knownFiles.under(first)).isEmpty();
	}

	private Path write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
