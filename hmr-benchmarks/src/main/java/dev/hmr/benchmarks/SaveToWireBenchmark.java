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
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.FileSystemUtils;

import dev.hmr.engine.HmrEngine;
import dev.hmr.payload.Update;
import dev.hmr.payload.UpdatePayload;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.FileChangeKind;
import dev.hmr.watch.SourceRoots;
import dev.hmr.watch.SourceWatcher;

/**
 * End-to-end latency of a save: the real Spring Boot app (Tomcat, the starter's
 * auto-configuration, the real watcher) on a temporary project, a JDK WebSocket client
 * connected to {@code /@hmr} with the {@code vite-hmr} subprotocol as the browser's
 * client, and a self-accepting module saved again and again. Each save is timed from just
 * before {@link Files#writeString} to the arrival of the {@code update} frame at the
 * client, and also from the return of the write (a VM's file writes may take a while).
 * <p>
 * Run from the repository root (prints median, p95, min and max in milliseconds): <pre>
 * mvn -B -o -q -pl hmr-benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
 *   &amp;&amp; java -cp hmr-benchmarks/target/classes:$(cat hmr-benchmarks/target/classpath.txt) \
 *   dev.hmr.benchmarks.SaveToWireBenchmark [saves] [warmUpSaves]
 * </pre> {@code -DquietPeriodMillis=0.2} (before the class name) runs the app with a
 * watcher of that quiet period instead of the default, to see its share of the time;
 * {@code -Dhmr.warm-up=false} turns the start-up warm-up off; {@code -DpauseMillis=2000}
 * pauses that long between saves instead of 100 ms, closer to a developer's pace. With
 * the argument {@code serve} it only starts the app on its temporary project and prints
 * the command that measures it with the Node client of
 * {@code src/main/js/save-to-wire.mjs}, the one that measures Vite: the same client for
 * both servers. Between saves it pauses 100 ms, refetching the updated module as a
 * browser does; the second phase calls the engine directly and then sends a ready payload
 * on the channel, to split the time between the watcher, the engine and the send. The
 * figure to compare: the target is a median of at most 2 ms and a p95 of at most
 * 6 ms; {@code src/main/js/vite-save-to-wire.mjs} measures Vite the same way.
 */
public final class SaveToWireBenchmark {

	private static final int DEFAULT_WARM_UP_SAVES = 20;

	private static final int DEFAULT_SAVES = 50;

	private static final long TIMEOUT_SECONDS = 5;

	private static final long SETTLE_MILLIS = Long.getLong("pauseMillis", 100);

	private static final int HOT_ENGINE_CALLS = 20_000;

	private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":(\\d+)");

	private SaveToWireBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		boolean serve = args.length > 0 && args[0].equals("serve");
		int saves = (args.length > 0 && !serve) ? Integer.parseInt(args[0]) : DEFAULT_SAVES;
		int warmUp = (args.length > 1) ? Integer.parseInt(args[1]) : DEFAULT_WARM_UP_SAVES;
		Path project = Files.createTempDirectory("hmr-save-to-wire").toRealPath();
		Path statics = project.resolve("static");
		Files.createDirectories(statics);
		Files.writeString(statics.resolve("main.js"), "import { count } from './counter.js';\nconsole.log(count);\n");
		Path counter = Files.writeString(statics.resolve("counter.js"), content(-1));
		String quiet = System.getProperty("quietPeriodMillis");
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.SERVLET);
		if (quiet != null) {
			// Our own watcher with another quiet period: the auto-configuration backs
			// off.
			Duration quietPeriod = Duration.ofNanos((long) (Double.parseDouble(quiet) * 1_000_000));
			builder
				.initializers((ConfigurableApplicationContext initialized) -> ((GenericApplicationContext) initialized)
					.registerBean("benchmarkSourceWatcher", SourceWatcher.class,
							() -> new SourceWatcher(initialized.getBean(SourceRoots.class), initialized, quietPeriod,
									SourceWatcher.DEFAULT_MAXIMUM_DELAY)));
		}
		ConfigurableApplicationContext context = builder
			.properties("hmr.enabled=true", "hmr.watch.roots=" + statics, "server.port=0",
					"spring.main.banner-mode=off", "logging.level.root=warn")
			.run();
		WebSocket socket = null;
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			if (serve) {
				System.out.printf(Locale.ROOT, "Serving; measure with (Ctrl-D here to stop):%n"
						+ "NODE_PATH=/tmp/bench-vite/node_modules node hmr-benchmarks/src/main/js/save-to-wire.mjs"
						+ " external http://localhost:%d ws://localhost:%d/@hmr %s%n", port, port, statics);
				while (System.in.read() != -1) {
					// wait for the end of the input
				}
				return;
			}
			HttpClient http = HttpClient.newHttpClient();
			for (String url : List.of("/main.js", "/counter.js")) {
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
						.header("Accept", "*/*")
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(url + " answered " + response.statusCode());
				}
			}
			BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
			socket = http.newWebSocketBuilder()
				.subprotocols("vite-hmr")
				.buildAsync(URI.create("ws://localhost:" + port + "/@hmr"), new Collector(frames))
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Frame connected = take(frames, "the connected frame");
			if (!connected.text().contains("\"type\":\"connected\"")) {
				throw new IllegalStateException("Expected connected, got " + connected.text());
			}
			System.out.printf(Locale.ROOT, "%s, %d cores, load average %s, watcher quiet period %s ms%n",
					Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage(),
					(quiet != null) ? quiet : SourceWatcher.DEFAULT_QUIET_PERIOD.toMillis() + " (default)");
			System.out.printf(Locale.ROOT,
					"Save of a self-accepting module to its update frame: %d saves after %d to warm up%n", saves,
					warmUp);
			List<Long> fromStart = new ArrayList<>();
			List<Long> fromReturn = new ArrayList<>();
			List<Long> writes = new ArrayList<>();
			List<Long> toEvent = new ArrayList<>();
			List<Long> eventToFrame = new ArrayList<>();
			BlockingQueue<Long> published = context.getBean(EventTimes.class).published;
			published.clear();
			int extraFrames = 0;
			for (int i = 0; i < warmUp + saves; i++) {
				long start = System.nanoTime();
				Files.writeString(counter, content(i));
				long returned = System.nanoTime();
				Frame frame = takeUpdate(frames, i);
				refetch(http, port, frame);
				if (i >= warmUp) {
					fromStart.add(frame.nanos() - start);
					fromReturn.add(frame.nanos() - returned);
					writes.add(returned - start);
					Long event = published.poll();
					if (event != null) {
						toEvent.add(event - returned);
						eventToFrame.add(frame.nanos() - event);
					}
				}
				extraFrames += settle(frames);
				published.clear();
			}
			System.out.println("from before the write   " + summary(fromStart));
			System.out.println("from after the write    " + summary(fromReturn));
			System.out.println("the write itself        " + summary(writes));
			System.out.println("breakdown:");
			System.out.println(" write return to event  " + summary(toEvent) + "  (watcher: inotify notice, publish)");
			System.out.println(" event to frame         " + summary(eventToFrame)
					+ "  (engine, JSON, send thread, socket, client)");
			// The same without the watcher: the engine called as the watcher would, then
			// only the channel's send of a ready payload.
			HmrEngine engine = context.getBean(HmrEngine.class);
			List<Long> engineCall = new ArrayList<>();
			List<Long> engineToFrame = new ArrayList<>();
			List<Long> sendToFrame = new ArrayList<>();
			for (int i = 0; i < warmUp + saves; i++) {
				Files.writeString(counter, content(warmUp + saves + i));
				// the watcher's own update of this write, out of the way
				takeUpdate(frames, i);
				extraFrames += settle(frames);
				long start = System.nanoTime();
				engine.handleFileChange(counter, statics, FileChangeKind.MODIFIED);
				long returned = System.nanoTime();
				Frame frame = takeUpdate(frames, i);
				extraFrames += settle(frames);
				long sent = System.nanoTime();
				engine.getHot()
					.send(new UpdatePayload(List.of(new Update(Update.Type.JS_UPDATE, System.currentTimeMillis(),
							"/counter.js", "/counter.js", false, false, null, null))));
				Frame sentFrame = takeUpdate(frames, i);
				extraFrames += settle(frames);
				if (i >= warmUp) {
					engineCall.add(returned - start);
					engineToFrame.add(frame.nanos() - start);
					sendToFrame.add(sentFrame.nanos() - sent);
				}
			}
			System.out.println(" engine call alone      " + summary(engineCall)
					+ "  (graph, plugins, propagation, JSON, enqueue)");
			System.out.println(" engine call to frame   " + summary(engineToFrame));
			System.out.println(" channel send to frame  " + summary(sendToFrame)
					+ "  (JSON, send thread, Tomcat, socket, JDK client)");
			System.out.printf(Locale.ROOT, "%d extra frames; load average after %s%n", extraFrames, loadAverage());
			// The engine hot: many calls with no browser connected (the payload is still
			// written as JSON, not sent), to tell its own cost from a cold JIT's.
			socket.abort();
			socket = null;
			List<Long> hotEngine = new ArrayList<>();
			for (int i = 0; i < HOT_ENGINE_CALLS; i++) {
				long start = System.nanoTime();
				engine.handleFileChange(counter, statics, FileChangeKind.MODIFIED);
				long returned = System.nanoTime();
				if (i >= HOT_ENGINE_CALLS / 2) {
					hotEngine.add(returned - start);
				}
			}
			System.out.printf(Locale.ROOT, " engine call, hot       %s  (last %d of %d calls, no browser)%n",
					summary(hotEngine), HOT_ENGINE_CALLS / 2, HOT_ENGINE_CALLS);
		}
		finally {
			if (socket != null) {
				socket.abort();
			}
			context.close();
			FileSystemUtils.deleteRecursively(project);
		}
	}

	/**
	 * Fetch the new version of the module, as the browser does on an update.
	 */
	private static void refetch(HttpClient http, int port, Frame update) throws IOException, InterruptedException {
		Matcher timestamp = TIMESTAMP.matcher(update.text());
		if (timestamp.find()) {
			http.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/counter.js?t=" + timestamp.group(1)))
				.header("Accept", "*/*")
				.build(), HttpResponse.BodyHandlers.discarding());
		}
	}

	private static Frame takeUpdate(BlockingQueue<Frame> frames, int i) throws InterruptedException {
		Frame frame = take(frames, "the update of save " + i);
		if (!frame.text().contains("\"type\":\"update\"") || !frame.text().contains("/counter.js")) {
			throw new IllegalStateException("Expected an update of /counter.js, got " + frame.text());
		}
		return frame;
	}

	/**
	 * Let a save settle: a second frame for it would come within this pause (Vite needs
	 * about this much between saves of a file, so its script pauses as long).
	 * @return the number of frames that came
	 */
	private static int settle(BlockingQueue<Frame> frames) throws InterruptedException {
		Thread.sleep(SETTLE_MILLIS);
		int extra = 0;
		while (frames.poll() != null) {
			extra++;
		}
		return extra;
	}

	private static Frame take(BlockingQueue<Frame> frames, String what) throws InterruptedException {
		Frame frame = frames.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		if (frame == null) {
			throw new IllegalStateException("No frame within " + TIMEOUT_SECONDS + " s: expected " + what);
		}
		return frame;
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	static String summary(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return String.format(Locale.ROOT, "median %7.3f  p95 %7.3f  min %7.3f  max %7.3f ms",
				millis(percentile(sorted, 50)), millis(percentile(sorted, 95)), millis(sorted.get(0)),
				millis(sorted.get(sorted.size() - 1)));
	}

	private static long percentile(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	private static String content(int i) {
		return "export let count = " + i + ";\nimport.meta.hot.accept();\n";
	}

	private record Frame(String text, long nanos) {
	}

	/**
	 * Collects whole text frames with the time their last part arrived.
	 */
	private static final class Collector implements WebSocket.Listener {

		private final BlockingQueue<Frame> frames;

		private final StringBuilder partial = new StringBuilder();

		Collector(BlockingQueue<Frame> frames) {
			this.frames = frames;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			long now = System.nanoTime();
			this.partial.append(data);
			if (last) {
				this.frames.add(new Frame(this.partial.toString(), now));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BenchmarkApplication {

		@Bean
		static EventTimes eventTimes() {
			return new EventTimes();
		}

	}

	/**
	 * Records when the watcher publishes a change, before the engine sees it: splits a
	 * save's time into the watcher's part and the engine's, the send's and the client's.
	 */
	static final class EventTimes implements ApplicationListener<FileChangeEvent>, Ordered {

		final BlockingQueue<Long> published = new LinkedBlockingQueue<>();

		@Override
		public void onApplicationEvent(FileChangeEvent event) {
			this.published.add(System.nanoTime());
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
