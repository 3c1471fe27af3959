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

package dev.hmr.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootVersion;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Packages an application set up as the README says (the api as a normal dependency, the
 * starter optional, and a test-scoped dependency that brings JNA), runs its jar with
 * {@code java -jar}, and checks that it starts with HMR's API inert and nothing of HMR's
 * runtime in it. The application resolves our artifacts from the local repository, so
 * they must be installed first: {@code mvn install}.
 */
class PackagedApplicationTests {

	private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final String CLIENT_SCRIPT = "<script type=\"module\" src=\"/@vite/client\"></script>";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@TempDir
	static Path temp;

	private static Path jar;

	private static Path log;

	private static int port;

	private static Process application;

	@BeforeAll
	static void packageAndStartTheApplication() throws Exception {
		String version = property("hmr.version");
		assertInstalled("hmr-spring-boot-api", version, property("hmr.built-api"));
		assertInstalled("hmr-spring-boot-autoconfigure", version, property("hmr.built-autoconfigure"));
		Path project = temp.resolve("packaged-app");
		FileSystemUtils.copyRecursively(Path.of(property("hmr.fixture")), project);
		Path pom = project.resolve("pom.xml");
		Files.writeString(pom,
				Files.readString(pom)
					.replace("@spring-boot.version@", SpringBootVersion.getVersion())
					.replace("@hmr.version@", version));
		mavenPackage(project);
		jar = project.resolve("target/packaged-app-1.0.0.jar");
		assertThat(jar).exists();
		port = freePort();
		log = temp.resolve("application.log");
		application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "--server.port=" + port)
			.directory(temp.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		await().atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				assertThat(application.isAlive()).as("the application is running; its log:%n%s", log()).isTrue();
				return get("/index.html").statusCode() == 200;
			});
	}

	@AfterAll
	static void stopTheApplication() throws InterruptedException {
		if (application != null) {
			application.destroy();
			if (!application.waitFor(30, TimeUnit.SECONDS)) {
				application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void jarHoldsTheApiAndNotTheRuntime() throws IOException {
		List<String> libraries = libraries().keySet().stream().toList();
		assertThat(libraries).as("BOOT-INF/lib")
			.contains("hmr-spring-boot-api-" + property("hmr.version") + ".jar")
			.noneMatch((name) -> name.startsWith("hmr-spring-boot-autoconfigure"))
			.noneMatch((name) -> name.startsWith("hmr-spring-boot-starter"));
	}

	/**
	 * The fixture's test-scoped Testcontainers brings JNA: were JNA on the starter's path
	 * too, Maven would no longer see it as optional only, and package it.
	 */
	@Test
	void jarHoldsNeitherJnaNorDirectoryWatcher() throws IOException {
		assertThat(libraries().keySet()).as("BOOT-INF/lib")
			.noneMatch((name) -> name.startsWith("directory-watcher"))
			.noneMatch((name) -> name.startsWith("jna"));
	}

	/**
	 * The starter brings swc4j and its 19 MB native library for TypeScript in
	 * development: none of it may reach the packaged application.
	 */
	@Test
	void jarHoldsNoTypeScriptCompiler() throws IOException {
		assertThat(libraries().keySet()).as("BOOT-INF/lib").noneMatch((name) -> name.startsWith("swc4j"));
	}

	@Test
	void jarHoldsNoHmrRuntimeClass() throws IOException {
		Map<String, List<String>> hmrClasses = new TreeMap<>();
		libraries().forEach((library, entries) -> {
			List<String> classes = entries.stream().filter((entry) -> entry.startsWith("dev/hmr/")).toList();
			if (!classes.isEmpty()) {
				hmrClasses.put(library, classes);
			}
		});
		assertThat(hmrClasses).containsOnlyKeys("hmr-spring-boot-api-" + property("hmr.version") + ".jar");
		assertThat(hmrClasses.values().iterator().next()).contains("dev/hmr/channel/InertServerHotChannel.class")
			.noneMatch((entry) -> entry.startsWith("dev/hmr/engine/") || entry.startsWith("dev/hmr/serve/")
					|| entry.startsWith("dev/hmr/client/") || entry.startsWith("dev/hmr/transform/"))
			.doesNotContain("dev/hmr/autoconfigure/HmrAutoConfiguration.class",
					"dev/hmr/channel/WebSocketServerHotChannel.class", "dev/hmr/watch/SourceWatcher.class");
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			assertThat(zip.stream().map(ZipEntry::getName))
				.noneMatch((name) -> name.startsWith("BOOT-INF/classes/dev/"));
		}
	}

	@Test
	void controllerThatInjectsTheChannelSendsToNoBrowser() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/broadcast?message=hi"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.sent")).isEqualTo("hi");
		assertThat((Integer) JsonPath.read(response.body(), "$.browsers")).isZero();
	}

	@Test
	void channelIsTheInertOneAndTheHmrPropertiesAreBound() throws Exception {
		String status = get("/status").body();
		assertThat((String) JsonPath.read(status, "$.channel")).isEqualTo("dev.hmr.channel.InertServerHotChannel");
		assertThat((String) JsonPath.read(status, "$.hmrPath")).isEqualTo("/@hmr");
	}

	@Test
	void pluginIsNeverCalled() throws Exception {
		// With HMR active, serving a module calls the plugins' load and transform hooks
		HttpResponse<String> module = get("/app.js");
		assertThat(module.statusCode()).isEqualTo(200);
		assertThat(module.body()).isEqualTo("export const message = 'a module of the packaged app';\n");
		assertThat((Integer) JsonPath.read(get("/status").body(), "$.pluginCalls")).isZero();
	}

	@Test
	void noHmrThreadRuns() throws Exception {
		List<String> threads = JsonPath.read(get("/status").body(), "$.threads");
		assertThat(threads).isNotEmpty().noneMatch((name) -> name.startsWith("hmr-"));
	}

	@Test
	void pageIsServedWithoutTheClient() throws Exception {
		HttpResponse<String> page = get("/index.html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("A page of the packaged app.").doesNotContain(CLIENT_SCRIPT);
	}

	@Test
	void clientIsNotServed() throws Exception {
		assertThat(get("/@vite/client").statusCode()).isEqualTo(404);
	}

	@Test
	void hmrSocketDoesNotAnswer() {
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> http.newWebSocketBuilder()
			.subprotocols("vite-hmr")
			.buildAsync(URI.create("ws://localhost:" + port + "/@hmr"), new WebSocket.Listener() {
			})
			.join()
			.abort())
			.havingCause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(404));
	}

	@Test
	void logSaysNothingOfHmr() throws IOException {
		assertThat(log()).contains("Started PackagedApplication").doesNotContain("HMR");
	}

	@Test
	void readmesNotifyControllerIsTheOneThatRuns() throws IOException {
		String readme = Files.readString(Path.of(property("hmr.readme")));
		Matcher example = Pattern.compile("```java\n(import [^`]*?class NotifyController \\{.*?)```", Pattern.DOTALL)
			.matcher(readme);
		assertThat(example.find()).as("the README's NotifyController example").isTrue();
		assertThat(Path.of(property("hmr.fixture"), "src/main/java/com/example/app/NotifyController.java"))
			.content(StandardCharsets.UTF_8)
			.isEqualTo("package com.example.app;\n\n" + example.group(1));
	}

	private static void assertInstalled(String artifactId, String version, String built) throws IOException {
		Path installed = Path.of(property("hmr.local-repository"), "dev", "hmr", artifactId, version,
				artifactId + "-" + version + ".jar");
		assertThat(installed).as("%s in the local repository: run mvn install", artifactId).exists();
		Path reactor = Path.of(built);
		if (Files.exists(reactor)) {
			assertThat(Files.mismatch(installed, reactor))
				.as("%s in the local repository is the one just built (run mvn install, not verify)", artifactId)
				.isEqualTo(-1L);
		}
	}

	private static void mavenPackage(Path project) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-ntp", "package", "-DskipTests",
				"-Dmaven.repo.local=" + property("hmr.local-repository")));
		if (property("hmr.outer-build").equals("offline=true")) {
			command.add("-o");
		}
		Path buildLog = temp.resolve("build.log");
		Process build = new ProcessBuilder(command).directory(project.toFile())
			.redirectErrorStream(true)
			.redirectOutput(buildLog.toFile())
			.start();
		try {
			assertThat(build.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("mvn package finished")
				.isTrue();
			assertThat(build.exitValue())
				.as("mvn package of the application; its output:%n%s", Files.readString(buildLog))
				.isZero();
		}
		finally {
			build.destroyForcibly();
		}
	}

	private static String mavenExecutable() {
		String name = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
		String home = System.getProperty("maven.home");
		if (home != null && !home.isEmpty() && Files.isExecutable(Path.of(home, "bin", name))) {
			return Path.of(home, "bin", name).toString();
		}
		return name;
	}

	/**
	 * The jars in {@code BOOT-INF/lib}, by file name, with the names of their entries.
	 */
	private static Map<String, List<String>> libraries() throws IOException {
		Map<String, List<String>> libraries = new TreeMap<>();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (ZipEntry entry : zip.stream()
				.filter((e) -> e.getName().startsWith("BOOT-INF/lib/") && !e.isDirectory())
				.toList()) {
				List<String> entries = new ArrayList<>();
				try (InputStream in = zip.getInputStream(entry); ZipInputStream nested = new ZipInputStream(in)) {
					for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
						entries.add(inner.getName());
					}
				}
				libraries.put(entry.getName().substring("BOOT-INF/lib/".length()), entries);
			}
		}
		return libraries;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String log() throws IOException {
		return Files.readString(log);
	}

	private static String property(String name) {
		String value = System.getProperty(name);
		assertThat(value).as("system property %s (set by the module's surefire configuration)", name).isNotBlank();
		return value;
	}

}
