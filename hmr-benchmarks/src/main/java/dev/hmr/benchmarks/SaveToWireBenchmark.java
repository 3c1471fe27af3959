package dev.hmr.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end latency of a save: the real Spring Boot app (Tomcat, the starter's
 * auto-configuration, the real watcher) on a temporary project, a JDK WebSocket client
 * connected to {@code /@hmr} with the {@code vite-hmr} subprotocol as the browser's
 * client, and a self-accepting module saved again and again. Each save is timed from just
 * before {@link Files#writeString} to the arrival of the {@code update} frame at the
 * client, and also from the return of the write (a VM's file writes may take a while).
 * <p>
 * Run from the repository root (prints median, p95, min and max in milliseconds):
 * <pre>
 * mvn -B -o -q -pl hmr-benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
 *   &amp;&amp; java -cp hmr-benchmarks/target/classes:$(cat hmr-benchmarks/target/classpath.txt) \
 *   dev.hmr.benchmarks.SaveToWireBenchmark [saves] [warmUpSaves]
 * </pre>
 * The figure to compare: the target is a median of at most 2 ms and a p95 of at
 * most 6 ms; {@code src/main/js/vite-save-to-wire.mjs} measures Vite the same way.
 */
public final class SaveToWireBenchmark {

	private static final int DEFAULT_WARM_UP_SAVES = 20;

	private static final int DEFAULT_SAVES = 50;

	private static final long TIMEOUT_SECONDS = 5;

	private SaveToWireBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int saves = (args.length > 0) ? Integer.parseInt(args[0]) : DEFAULT_SAVES;
		int warmUp = (args.length > 1) ? Integer.parseInt(args[1]) : DEFAULT_WARM_UP_SAVES;
		Path project = Files.createTempDirectory("hmr-save-to-wire").toRealPath();
		Path statics = project.resolve("static");
		Files.createDirectories(statics);
		Files.writeString(statics.resolve("main.js"), "import { count } from './counter.js';\nconsole.log(count);\n");
		Path counter = Files.writeString(statics.resolve("counter.js"), content(-1));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("hmr.enabled=true", "hmr.watch.roots=" + statics, "server.port=0",
					"spring.main.banner-mode=off", "logging.level.root=warn")
			.run();
		WebSocket socket = null;
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			for (String url : List.of("/main.js", "/counter.js")) {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + url)).header("Accept", "*/*").build(),
						HttpResponse.BodyHandlers.ofString());
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
			System.out.printf(Locale.ROOT, "%s, %d cores, load average %s%n", Runtime.version(),
					Runtime.getRuntime().availableProcessors(), loadAverage());
			System.out.printf(Locale.ROOT, "Save of a self-accepting module to its update frame: %d saves after %d to warm up%n",
					saves, warmUp);
			List<Long> fromStart = new ArrayList<>();
			List<Long> fromReturn = new ArrayList<>();
			List<Long> writes = new ArrayList<>();
			int extraFrames = 0;
			for (int i = 0; i < warmUp + saves; i++) {
				long start = System.nanoTime();
				Files.writeString(counter, content(i));
				long returned = System.nanoTime();
				Frame frame = take(frames, "the update of save " + i);
				if (!frame.text().contains("\"type\":\"update\"") || !frame.text().contains("/counter.js")) {
					throw new IllegalStateException("Expected an update of /counter.js, got " + frame.text());
				}
				if (i >= warmUp) {
					fromStart.add(frame.nanos() - start);
					fromReturn.add(frame.nanos() - returned);
					writes.add(returned - start);
				}
				// Let the save settle: a second frame for it would come within this pause.
				Thread.sleep(50);
				while (frames.poll() != null) {
					extraFrames++;
				}
			}
			System.out.println("from before the write   " + summary(fromStart));
			System.out.println("from after the write    " + summary(fromReturn));
			System.out.println("the write itself        " + summary(writes));
			System.out.printf(Locale.ROOT, "%d extra frames; load average after %s%n", extraFrames, loadAverage());
		}
		finally {
			if (socket != null) {
				socket.abort();
			}
			context.close();
			deleteRecursively(project);
		}
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
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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

	static void deleteRecursively(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
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

	}

}
