package dev.hmr.watch.nativeio;

import java.io.IOException;
import java.nio.file.Path;

import io.methvin.watcher.visitor.FileTreeVisitor;

import dev.hmr.watch.Notifiers;

/**
 * Walks a tree for directory-watcher and inotify as the {@link Notifiers.Sink} does, so
 * that ignored folders are never registered.
 */
final class SourceTreeVisitor implements FileTreeVisitor {

	private final Notifiers.Sink sink;

	SourceTreeVisitor(Notifiers.Sink sink) {
		this.sink = sink;
	}

	@Override
	public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
		this.sink.walk(start, onDirectory::call, onFile::call);
	}

}
