package dev.hmr.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import io.methvin.watcher.visitor.FileTreeVisitor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Walks a tree under the source roots for the directory watcher, skipping ignored folders
 * ({@code .git}, {@code node_modules}, ...) so that they are never registered, and
 * passing over entries that vanish during the walk (a folder deleted while it is being
 * registered) instead of failing.
 */
final class SourceTreeVisitor implements FileTreeVisitor {

	private static final Log logger = LogFactory.getLog(SourceTreeVisitor.class);

	private final SourceRoots roots;

	SourceTreeVisitor(SourceRoots roots) {
		this.roots = roots;
	}

	@Override
	public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
		if (this.roots.isIgnored(start)) {
			return;
		}
		Files.walkFileTree(start, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
					throws IOException {
				if (!directory.equals(start) && SourceTreeVisitor.this.roots.isIgnored(directory)) {
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
				if (!SourceTreeVisitor.this.roots.isIgnored(file)) {
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
			logger.debug("Unable to visit " + path, ex);
		}
	}

}
