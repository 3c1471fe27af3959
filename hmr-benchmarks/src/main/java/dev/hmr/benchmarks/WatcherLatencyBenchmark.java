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

package dev.hmr.benchmarks;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.SourceRoots;
import dev.hmr.watch.SourceWatcher;
import dev.hmr.watch.WatcherWarmUp;

/**
 * Latency of the file watcher: from the start of a save to the {@link FileChangeEvent}
 * reaching a listener, for in-place saves (truncate and write) and atomic saves (write a
 * temporary file, rename it over), with the default quiet period or the one given. For
 * comparison under the same load, the floor: the JDK's own {@link WatchService} on the
 * same folder, from the start of a save to its first notification. Each line gives the
 * latency from the start of the save call and, since a file system may take a while to
 * write, from its return (negative when the notice comes before the call returns).
 * <p>
 * Run from the repository root (prints median, p95 and max in milliseconds): <pre>
 * mvn -B -o -q -pl hmr-benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
 *   &amp;&amp; java -cp hmr-benchmarks/target/classes:$(cat hmr-benchmarks/target/classpath.txt) \
 *   dev.hmr.benchmarks.WatcherLatencyBenchmark [quietPeriodMillis] [saves]
 * </pre>
 */
public final class WatcherLatencyBenchmark {

	private static final int WARM_UP_SAVES = 20;

	private static final int DEFAULT_SAVES = 50;

	private static final long TIMEOUT_SECONDS = 5;

	private WatcherLatencyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Duration quietPeriod = (args.length > 0) ? Duration.ofNanos((long) (Double.parseDouble(args[0]) * 1_000_000))
				: SourceWatcher.DEFAULT_QUIET_PERIOD;
		int saves = (args.length > 1) ? Integer.parseInt(args[1]) : DEFAULT_SAVES;
		Path root = Files.createTempDirectory("hmr-watcher-benchmark");
		try {
			System.out.printf(Locale.ROOT, "quiet period %.3f ms, %d saves after %d to warm up%n",
					quietPeriod.toNanos() / 1e6, saves, WARM_UP_SAVES);
			runBaseline(root, saves);
			System.out.println("-- inotify (the default on Linux)");
			run(root, quietPeriod, saves, true);
			System.out
				.println("-- JDK WatchService through directory-watcher (hmr.watch.inotify=false, macOS, Windows)");
			run(root, quietPeriod, saves, false);
		}
		finally {
			FileSystemUtils.deleteRecursively(root);
		}
	}

	private static void run(Path root, Duration quietPeriod, int saves, boolean inotify) throws Exception {
		BlockingQueue<Long> received = new LinkedBlockingQueue<>();
		Path file = Files.writeString(root.resolve("app.js"), "export const value = 0;\n");
		SourceWatcher watcher = new SourceWatcher(SourceRoots.of(List.of(root), List.of(), List.of()), (event) -> {
			if (event instanceof FileChangeEvent change && change.getPath().equals(file)) {
				received.add(System.nanoTime());
			}
		}, quietPeriod, SourceWatcher.DEFAULT_MAXIMUM_DELAY.compareTo(quietPeriod) < 0 ? quietPeriod
				: SourceWatcher.DEFAULT_MAXIMUM_DELAY);
		watcher.setInotify(inotify);
		new WatcherWarmUp(10_000).run();
		watcher.start();
		try {
			measure("in-place save (truncate + write)", saves, received, (i) -> Files.writeString(file, content(i)));
			measure("atomic save (write temp + rename)", saves, received, (i) -> {
				Path temporary = Files.writeString(root.resolve("app.js.tmp"), content(i));
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			});
		}
		finally {
			watcher.stop();
		}
	}

	private static void runBaseline(Path root, int saves) throws Exception {
		BlockingQueue<Long> received = new LinkedBlockingQueue<>();
		Path file = Files.writeString(root.resolve("baseline.js"), content(0));
		try (WatchService watchService = root.getFileSystem().newWatchService()) {
			root.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
			Thread thread = new Thread(() -> {
				try {
					while (true) {
						WatchKey key = watchService.take();
						long now = System.nanoTime();
						for (WatchEvent<?> event : key.pollEvents()) {
							if (file.getFileName().equals(event.context())) {
								received.add(now);
							}
						}
						key.reset();
					}
				}
				catch (InterruptedException | ClosedWatchServiceException ex) {
					// done
				}
			}, "baseline-watcher");
			thread.setDaemon(true);
			thread.start();
			measure("floor: JDK WatchService, first notice", saves, received,
					(i) -> Files.writeString(file, content(i)));
		}
	}

	private static void measure(String name, int saves, BlockingQueue<Long> received, Save save) throws Exception {
		List<Long> latencies = new ArrayList<>();
		List<Long> afterReturn = new ArrayList<>();
		int extraEvents = 0;
		for (int i = 0; i < WARM_UP_SAVES + saves; i++) {
			long start = System.nanoTime();
			save.save(i);
			long returned = System.nanoTime();
			Long end = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (end == null) {
				throw new IllegalStateException("No event within " + TIMEOUT_SECONDS + " s for save " + i);
			}
			if (i >= WARM_UP_SAVES) {
				latencies.add(end - start);
				afterReturn.add(end - returned);
			}
			// A second event for the same save would arrive within the quiet period.
			while (received.poll(20, TimeUnit.MILLISECONDS) != null) {
				extraEvents++;
			}
		}
		System.out.printf(Locale.ROOT, "%-38s from save start %s | from save return %s | %d extra events%n", name,
				SaveToWireBenchmark.summary(latencies), SaveToWireBenchmark.summary(afterReturn), extraEvents);
	}

	private static String content(int i) {
		return "export const value = " + i + ";\n";
	}

	@FunctionalInterface
	private interface Save {

		void save(int i) throws IOException;

	}

}
