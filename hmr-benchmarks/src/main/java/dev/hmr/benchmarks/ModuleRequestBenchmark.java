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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Warm module requests of the server alone, an A/B of the transform cache in one run: the
 * same generated 1,000-module tree as {@link PageLoadBenchmark} served by three apps in
 * this JVM, one with {@code hmr.transform-cache=false}, one with the cache answered in
 * Spring MVC's resource handler only ({@code hmr.transform-cache-filter=false}), one with
 * the defaults (kept modules answered by a filter ahead of Spring MVC), and, if it is
 * installed, by Vite. Every round fetches every module in turn on one HTTP/1.1 connection
 * from Java, from each server in turn: plain requests (200 with the body) and
 * revalidations ({@code If-None-Match} with the ETag of the first answer: 304), and the
 * Spring MVC floor ({@code /__bench/ping}, a controller returning two bytes). Prints the
 * median time a request, in microseconds, over the rounds.
 * <p>
 * Run from the repository root (see the README for {@code $CP}): <pre>
 * java -cp $CP dev.hmr.benchmarks.ModuleRequestBenchmark [rounds] [modules]
 * </pre>
 */
public final class ModuleRequestBenchmark {

	private ModuleRequestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		int modules = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
		Path project = Files.createTempDirectory("hmr-module-requests").toRealPath();
		Path statics = project.resolve("static");
		Files.createDirectories(statics);
		PageLoadBenchmark.generate(statics, modules);
		System.out.printf(Locale.ROOT, "%s, %d cores; %d modules; %d rounds; load average %s%n", Runtime.version(),
				Runtime.getRuntime().availableProcessors(), modules, rounds, SaveToWireBenchmark.loadAverage());
		ConfigurableApplicationContext off = start(statics, false, false);
		ConfigurableApplicationContext mvc = start(statics, true, false);
		ConfigurableApplicationContext on = start(statics, true, true);
		Process vite = startVite(statics);
		try {
			Map<String, String> bases = new LinkedHashMap<>();
			bases.put("cache off", "http://localhost:" + port(off) + "/");
			bases.put("cache on, in MVC", "http://localhost:" + port(mvc) + "/");
			bases.put("cache on, filter", "http://localhost:" + port(on) + "/");
			if (vite != null) {
				BufferedReader out = new BufferedReader(
						new InputStreamReader(vite.getInputStream(), StandardCharsets.UTF_8));
				String line = out.readLine();
				if (line == null || !line.startsWith("PORT ")) {
					throw new IllegalStateException("Vite did not start: " + line);
				}
				bases.put(line.split(" ")[2] + " " + line.split(" ")[3],
						"http://localhost:" + line.split(" ")[1] + "/");
			}
			Map<String, Server> servers = new LinkedHashMap<>();
			for (Map.Entry<String, String> base : bases.entrySet()) {
				servers.put(base.getKey(), new Server(base.getValue(), modules, base.getKey().startsWith("cache")));
			}
			for (Map.Entry<String, Server> server : servers.entrySet()) {
				HttpResponse<byte[]> response = server.getValue().send(0, null);
				System.out.println(server.getKey() + ": " + response.statusCode() + " " + response.headers().map());
			}
			for (int round = 0; round < rounds; round++) {
				for (Server server : servers.values()) {
					server.plain.add(server.fetchAll(false));
					server.revalidating.add(server.fetchAll(true));
					if (server.spring) {
						server.ping.add(server.ping(modules));
					}
				}
			}
			System.out.println("median us a request       plain    304    ping (Spring MVC floor)");
			for (Map.Entry<String, Server> server : servers.entrySet()) {
				Server measured = server.getValue();
				System.out.printf(Locale.ROOT, "%-22s %7.1f %7.1f %7s%n", server.getKey(), median(measured.plain),
						median(measured.revalidating), server.getKey().startsWith("cache")
								? String.format(Locale.ROOT, "%.1f", median(measured.ping)) : "-");
			}
			System.out.println("load average after " + SaveToWireBenchmark.loadAverage());
		}
		finally {
			off.close();
			mvc.close();
			on.close();
			if (vite != null) {
				vite.getOutputStream().close();
				if (!vite.waitFor(5, TimeUnit.SECONDS)) {
					vite.destroy();
				}
			}
			FileSystemUtils.deleteRecursively(project);
		}
	}

	private static ConfigurableApplicationContext start(Path statics, boolean cache, boolean filter) {
		return new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.SERVLET)
			.properties("hmr.enabled=true", "hmr.watch.roots=" + statics, "server.port=0",
					"spring.main.banner-mode=off", "logging.level.root=warn", "hmr.transform-cache=" + cache,
					"hmr.transform-cache-filter=" + filter)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static Process startVite(Path statics) throws IOException {
		Path nodeModules = Path.of(System.getProperty("vite.node.modules", "/tmp/bench-vite/node_modules"));
		Path script = Path.of(System.getProperty("vite.serve.script", "hmr-benchmarks/src/main/js/vite-serve.mjs"));
		if (!Files.isDirectory(nodeModules.resolve("vite")) || !Files.isRegularFile(script)) {
			System.out.println("vite: not measured, no " + nodeModules.resolve("vite") + " or no " + script);
			return null;
		}
		ProcessBuilder builder = new ProcessBuilder("node", script.toString(), statics.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("NODE_PATH", nodeModules.toString());
		return builder.start();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	private static final class Server {

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final String base;

		private final boolean spring;

		private final String[] etags;

		private final List<Double> plain = new ArrayList<>();

		private final List<Double> revalidating = new ArrayList<>();

		private final List<Double> ping = new ArrayList<>();

		Server(String base, int modules, boolean spring) throws IOException, InterruptedException {
			this.base = base;
			this.spring = spring;
			this.etags = new String[modules];
			// the first, cold round: transforms and ETags
			for (int i = 0; i < modules; i++) {
				HttpResponse<byte[]> response = send(i, null);
				this.etags[i] = response.headers().firstValue("ETag").orElseThrow();
			}
		}

		/** Every module once; the time a request, in microseconds. */
		double fetchAll(boolean revalidate) throws IOException, InterruptedException {
			long start = System.nanoTime();
			for (int i = 0; i < this.etags.length; i++) {
				HttpResponse<byte[]> response = send(i, revalidate ? this.etags[i] : null);
				int expected = revalidate ? 304 : 200;
				if (response.statusCode() != expected) {
					throw new IllegalStateException(
							this.base + "m" + i + ".js answered " + response.statusCode() + ", not " + expected);
				}
			}
			return (System.nanoTime() - start) / 1e3 / this.etags.length;
		}

		double ping(int times) throws IOException, InterruptedException {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "__bench/ping")).build();
			long start = System.nanoTime();
			for (int i = 0; i < times; i++) {
				this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			}
			return (System.nanoTime() - start) / 1e3 / times;
		}

		private HttpResponse<byte[]> send(int module, String etag) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "m" + module + ".js"))
				.header("Accept", "*/*")
				.header("Sec-Fetch-Dest", "script");
			if (etag != null) {
				request.header("If-None-Match", etag);
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BenchmarkApplication {

		@Bean
		PingController pingController() {
			return new PingController();
		}

	}

	@RestController
	static final class PingController {

		/**
		 * The servlet container and Spring MVC alone: the floor under a module's answer.
		 */
		@GetMapping(path = "/__bench/ping", produces = "text/plain")
		String ping() {
			return "ok";
		}

	}

}
