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
