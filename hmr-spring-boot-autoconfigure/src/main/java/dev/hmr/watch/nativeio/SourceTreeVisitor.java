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
