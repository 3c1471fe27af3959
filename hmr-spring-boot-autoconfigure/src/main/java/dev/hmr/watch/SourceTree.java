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
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Walks a tree under the source roots, skipping ignored folders ({@code .git},
 * {@code node_modules}, ...) so that they are never watched, and passing over entries
 * that vanish during the walk (a folder deleted while it is being registered).
 */
final class SourceTree {

	private static final Log logger = LogFactory.getLog(SourceTree.class);

	private final SourceRoots roots;

	SourceTree(SourceRoots roots) {
		this.roots = roots;
	}

	/**
	 * Walk a tree.
	 * @param start the folder to start from
	 * @param onDirectory called for each folder, {@code start} included; may throw
	 * {@link NoSuchFileException} to skip a folder that is gone
	 * @param onFile called for each file that is not ignored
	 * @throws IOException if the walk fails
	 */
	void walk(Path start, Notifiers.PathCallback onDirectory, Notifiers.PathCallback onFile) throws IOException {
		if (this.roots.isIgnored(start)) {
			return;
		}
		Files.walkFileTree(start, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
					throws IOException {
				if (!directory.equals(start) && SourceTree.this.roots.isIgnored(directory)) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				try {
					onDirectory.call(directory);
					return FileVisitResult.CONTINUE;
				}
				catch (NoSuchFileException ex) {
					return FileVisitResult.SKIP_SUBTREE;
				}
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (!SourceTree.this.roots.isIgnored(file)) {
					onFile.call(file);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				logFailure(file, ex);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException ex) {
				if (ex != null) {
					logFailure(directory, ex);
				}
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static void logFailure(Path path, IOException ex) {
		if (!(ex instanceof NoSuchFileException)) {
			logger.debug("Unable to visit " + Loggable.of(path), ex);
		}
	}

}
