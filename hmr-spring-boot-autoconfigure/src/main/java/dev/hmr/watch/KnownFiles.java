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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The source files as last published: which exist, with their size and modification time.
 * Tells a created file from a modified one (an atomic save's rename over a file is
 * notified as a creation), finds the files of a folder that was moved away, and finds
 * what changed when notifications were lost. Used by the publishing thread only.
 */
final class KnownFiles {

	private final SourceRoots roots;

	private final SourceTree tree;

	private final Map<Path, FileState> files = new HashMap<>();

	KnownFiles(SourceRoots roots) {
		this.roots = roots;
		this.tree = new SourceTree(roots);
	}

	/**
	 * Forget everything and record the source files that exist now.
	 */
	void scan() {
		this.files.clear();
		this.files.putAll(walk());
	}

	/**
	 * The paths whose state differs from what is known: new files, missing files and
	 * files of another size or modification time.
	 * @return the paths, not yet recorded
	 */
	Set<Path> changes() {
		Map<Path, FileState> current = walk();
		Set<Path> changed = new LinkedHashSet<>();
		current.forEach((path, state) -> {
			if (state.differsFrom(this.files.get(path))) {
				changed.add(path);
			}
		});
		for (Path path : this.files.keySet()) {
			if (!current.containsKey(path)) {
				changed.add(path);
			}
		}
		return changed;
	}

	private Map<Path, FileState> walk() {
		Map<Path, FileState> found = new HashMap<>();
		for (Path root : this.roots.outermostRoots()) {
			try {
				this.tree.walk(root, (directory) -> {
				}, (file) -> {
					if (this.roots.includes(file)) {
						BasicFileAttributes attributes = attributesOf(file);
						if (attributes != null && attributes.isRegularFile()) {
							found.put(file, FileState.scanned(attributes, System.nanoTime()));
						}
					}
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException("Unable to scan " + root, ex);
			}
		}
		return found;
	}

	/**
	 * Whether the file is known to exist.
	 * @param file the file
	 * @return whether it is known
	 */
	boolean contains(Path file) {
		return this.files.containsKey(file);
	}

	/**
	 * Record that the file exists in the given state.
	 * @param file the file
	 * @param state its state
	 * @return the state known before, or {@code null} if the file was unknown
	 */
	@Nullable FileState put(Path file, FileState state) {
		return this.files.put(file, state);
	}

	/**
	 * Record that the file is gone.
	 * @param file the file
	 * @return whether the file was known before
	 */
	boolean remove(Path file) {
		return this.files.remove(file) != null;
	}

	/**
	 * The known files under a folder.
	 * @param directory the folder
	 * @return the files, sorted
	 */
	List<Path> under(Path directory) {
		List<Path> under = new ArrayList<>();
		for (Path file : this.files.keySet()) {
			if (file.startsWith(directory) && !file.equals(directory)) {
				under.add(file);
			}
		}
		Collections.sort(under);
		return under;
	}

	int size() {
		return this.files.size();
	}

	private static @Nullable BasicFileAttributes attributesOf(Path file) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
