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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;

/**
 * An {@link ApplicationEventPublisher} that records the {@link FileChangeEvent}s it is
 * given and the threads that gave them.
 */
class RecordingEventPublisher implements ApplicationEventPublisher {

	private final List<FileChangeEvent> events = new CopyOnWriteArrayList<>();

	private final List<String> threadNames = new CopyOnWriteArrayList<>();

	@Override
	public void publishEvent(Object event) {
		if (event instanceof FileChangeEvent fileChangeEvent) {
			this.events.add(fileChangeEvent);
			this.threadNames.add(Thread.currentThread().getName());
		}
	}

	List<FileChangeEvent> events() {
		return List.copyOf(this.events);
	}

	List<FileChangeEvent> eventsFor(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return this.events.stream().filter((event) -> event.getPath().equals(absolute)).collect(Collectors.toList());
	}

	List<FileChangeKind> kindsFor(Path path) {
		return eventsFor(path).stream().map(FileChangeEvent::getKind).collect(Collectors.toList());
	}

	List<String> threadNames() {
		return List.copyOf(this.threadNames);
	}

}
