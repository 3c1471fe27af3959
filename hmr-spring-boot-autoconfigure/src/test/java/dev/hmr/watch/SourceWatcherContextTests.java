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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SourceWatcher} as a bean of an application context: started and
 * stopped with the context, publishing to {@link EventListener @EventListener} methods.
 */
class SourceWatcherContextTests {

	@TempDir
	Path root;

	@Test
	void eventListenersReceiveTheChangesWhileTheContextRuns() throws IOException {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(ChangeListener.class);
			context.registerBean(SourceWatcher.class,
					() -> new SourceWatcher(SourceRoots.of(List.of(this.root), List.of(), List.of()), context));
			context.refresh();
			SourceWatcher watcher = context.getBean(SourceWatcher.class);
			assertThat(watcher.isRunning()).isTrue();
			Path file = Files.writeString(this.root.resolve("app.js"), "one");
			ChangeListener listener = context.getBean(ChangeListener.class);
			await().until(() -> !listener.events.isEmpty());
			assertThat(listener.events).singleElement().satisfies((event) -> {
				assertThat(event.getPath()).isEqualTo(file);
				assertThat(event.getKind()).isEqualTo(FileChangeKind.CREATED);
			});
			assertThat(listener.threadNames).containsOnly("hmr-watcher-publisher");
			context.close();
			assertThat(watcher.isRunning()).isFalse();
		}
	}

	static class ChangeListener {

		final List<FileChangeEvent> events = new CopyOnWriteArrayList<>();

		final List<String> threadNames = new CopyOnWriteArrayList<>();

		@EventListener
		void onChange(FileChangeEvent event) {
			this.threadNames.add(Thread.currentThread().getName());
			this.events.add(event);
		}

	}

}
