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
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Cold load of a page of many ES modules in headless Chromium: a complete 10-ary tree of
 * small modules ({@code m0.js} imports {@code m1.js} to {@code m10.js}, {@code m1.js}
 * imports {@code m11.js} to {@code m20.js}, and so on), each counting itself on
 * {@code window}; the one that brings the count to the total records
 * {@code window.__done = performance.now()}, the time from navigation start to the last
 * module executed. The same generated folder is served by the real Spring Boot app with
 * the starter ({@code hmr.enabled=true}, the folder as {@code hmr.watch.roots}) and, if
 * {@code vite} is installed, by Vite's dev server, in the same Chromium.
 * <p>
 * For each server: one load with the server cold (it transforms every module for the
 * first time) and the browser's cache disabled, then {@code loads} loads with the cache
 * disabled (over the DevTools protocol, {@code Network.setCacheDisabled}: every module
 * fetched in full, the server warm), then {@code loads} loads with the cache on (every
 * module revalidated: 304s). Prints the median, min and max of each, in milliseconds.
 * Then, for the server's own part, five rounds of fetching every module in turn on one
 * HTTP/1.1 connection from Java.
 * <p>
 * Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (no browser is
 * downloaded), and for the comparison Vite:
 * {@code npm install --prefix /tmp/bench-vite vite@8} (another place with
 * {@code -Dvite.node.modules=...}). Run from the repository root: <pre>
 * mvn -B -o -q -pl hmr-benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
 *   &amp;&amp; java -cp hmr-benchmarks/target/classes:$(cat hmr-benchmarks/target/classpath.txt) \
 *   dev.hmr.benchmarks.PageLoadBenchmark [loads] [modules] [hmr|vite|both]
 * </pre>
 */
public final class PageLoadBenchmark {

	private static final int DEFAULT_LOADS = 5;

	private static final int DEFAULT_MODULES = 1000;

	private static final int FAN_OUT = 10;

	private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

	private PageLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int loads = (args.length > 0) ? Integer.parseInt(args[0]) : DEFAULT_LOADS;
		int modules = (args.length > 1) ? Integer.parseInt(args[1]) : DEFAULT_MODULES;
		String which = (args.length > 2) ? args[2] : "both";
		Path project = Files.createTempDirectory("hmr-page-load").toRealPath();
		Path statics = project.resolve("static");
		Files.createDirectories(statics);
		generate(statics, modules);
		System.out.printf(Locale.ROOT, "%s, %d cores; %d modules (a %d-ary tree); %d loads each%n", Runtime.version(),
				Runtime.getRuntime().availableProcessors(), modules, FAN_OUT, loads);
		try {
			if (!which.equals("vite")) {
				measureHmr(statics, loads, modules);
			}
			if (!which.equals("hmr")) {
				measureVite(statics, loads, modules);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(project);
		}
	}

	private static void measureHmr(Path statics, int loads, int modules) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("hmr.enabled=true", "hmr.watch.roots=" + statics, "server.port=0",
					"spring.main.banner-mode=off", "logging.level.root=warn")
			.run();
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			measure("hmr-spring-boot", "http://localhost:" + port + "/index.html", loads, modules);
		}
		finally {
			context.close();
		}
	}

	private static void measureVite(Path statics, int loads, int modules) throws Exception {
		Path nodeModules = Path.of(System.getProperty("vite.node.modules", "/tmp/bench-vite/node_modules"));
		Path script = Path.of(System.getProperty("vite.serve.script", "hmr-benchmarks/src/main/js/vite-serve.mjs"));
		if (!Files.isDirectory(nodeModules.resolve("vite")) || !Files.isRegularFile(script)) {
			System.out.println("vite: not measured, no " + nodeModules.resolve("vite") + " or no " + script
					+ " (npm install --prefix /tmp/bench-vite vite@8, run from the repository root)");
			return;
		}
		ProcessBuilder builder = new ProcessBuilder("node", script.toString(), statics.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("NODE_PATH", nodeModules.toString());
		Process vite = builder.start();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(vite.getInputStream(), StandardCharsets.UTF_8));
			String line = out.readLine();
			if (line == null || !line.startsWith("PORT ")) {
				throw new IllegalStateException("Vite did not start: " + line);
			}
			String[] fields = line.split(" ");
			measure(fields[2] + " " + fields[3], "http://localhost:" + fields[1] + "/index.html", loads, modules);
		}
		finally {
			vite.getOutputStream().close();
			if (!vite.waitFor(5, TimeUnit.SECONDS)) {
				vite.destroy();
			}
		}
	}

	private static void measure(String server, String url, int loads, int modules) throws IOException {
		Path profile = Files.createTempDirectory("hmr-page-load-chromium");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile);
		ChromeDriver driver = new ChromeDriver(service, options);
		try {
			driver.manage().timeouts().pageLoadTimeout(LOAD_TIMEOUT);
			driver.executeCdpCommand("Network.enable", Map.of());
			driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
			System.out.printf(Locale.ROOT, "%s at %s, load average %s%n", server, url,
					SaveToWireBenchmark.loadAverage());
			double first = load(driver, url, modules);
			System.out.printf(Locale.ROOT, "  first load (server cold, no cache)  %9.1f ms%n", first);
			List<Double> cold = new ArrayList<>();
			for (int i = 0; i < loads; i++) {
				cold.add(load(driver, url, modules));
			}
			System.out.println("  cold loads (no browser cache)       " + summary(cold));
			driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
			load(driver, url, modules);
			List<Double> warm = new ArrayList<>();
			for (int i = 0; i < loads; i++) {
				warm.add(load(driver, url, modules));
			}
			System.out.println("  revalidating loads (cache, 304s)    " + summary(warm));
			System.out.println("  server alone, every module over HTTP " + fetchAll(url, modules));
			System.out.println("  load average after " + SaveToWireBenchmark.loadAverage());
		}
		finally {
			driver.quit();
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	/**
	 * The server's part: every module fetched in turn on one HTTP/1.1 connection, as fast
	 * as the server answers, a few times.
	 */
	private static String fetchAll(String page, int modules) throws IOException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String base = page.substring(0, page.lastIndexOf('/') + 1);
		List<Double> rounds = new ArrayList<>();
		try {
			for (int round = 0; round < 5; round++) {
				long start = System.nanoTime();
				for (int i = 0; i < modules; i++) {
					HttpResponse<byte[]> response = http.send(
							HttpRequest.newBuilder(URI.create(base + "m" + i + ".js")).header("Accept", "*/*").build(),
							HttpResponse.BodyHandlers.ofByteArray());
					if (response.statusCode() != 200) {
						throw new IllegalStateException("m" + i + ".js answered " + response.statusCode());
					}
				}
				rounds.add((System.nanoTime() - start) / 1e6);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return summary(rounds) + String.format(Locale.ROOT, ", %.3f ms a module at the median",
				rounds.stream().sorted().toList().get(rounds.size() / 2) / modules);
	}

	private static double load(ChromeDriver driver, String url, int modules) {
		driver.get("about:blank");
		driver.get(url);
		long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
		while (true) {
			Object done = driver.executeScript("return window.__done;");
			if (done instanceof Number number) {
				return number.doubleValue();
			}
			if (System.nanoTime() > deadline) {
				Object count = driver.executeScript("return window.__count;");
				throw new IllegalStateException("The page did not run its " + modules + " modules within "
						+ LOAD_TIMEOUT + " (" + count + " ran)");
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	static void generate(Path dir, int modules) throws IOException {
		Files.writeString(dir.resolve("index.html"), "<!doctype html>\n<html><head><title>page load</title>"
				+ "<script type=\"module\" src=\"/m0.js\"></script></head><body></body></html>\n");
		for (int i = 0; i < modules; i++) {
			StringBuilder module = new StringBuilder();
			for (int child = FAN_OUT * i + 1; child <= FAN_OUT * i + FAN_OUT && child < modules; child++) {
				module.append("import { v").append(child).append(" } from './m").append(child).append(".js';\n");
			}
			module.append("export const v").append(i).append(" = ").append(i).append(";\n");
			module.append("window.__count = (window.__count || 0) + 1;\n");
			module.append("if (window.__count === ").append(modules).append(") window.__done = performance.now();\n");
			Files.writeString(dir.resolve("m" + i + ".js"), module);
		}
	}

	private static String summary(List<Double> millis) {
		List<Double> sorted = new ArrayList<>(millis);
		sorted.sort(null);
		return String.format(Locale.ROOT, "median %9.1f  min %9.1f  max %9.1f ms  (%s)", sorted.get(sorted.size() / 2),
				sorted.get(0), sorted.get(sorted.size() - 1),
				String.join(" ", millis.stream().map((m) -> String.format(Locale.ROOT, "%.0f", m)).toList()));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BenchmarkApplication {

	}

}
