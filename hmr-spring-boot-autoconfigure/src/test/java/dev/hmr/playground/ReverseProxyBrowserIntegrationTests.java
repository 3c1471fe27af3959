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

package dev.hmr.playground;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.util.FileSystemUtils;

import dev.hmr.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real nginx in front of the application, as in a dev container or behind a company
 * proxy: TLS on the proxy, plain HTTP to the application, {@code X-Forwarded-*} headers
 * read by the server ({@code server.forward-headers-strategy=native}), and
 * {@code hmr.client-port}, {@code hmr.host} and {@code hmr.protocol} telling the browser
 * to connect the socket through the proxy ({@code wss://}). A real Chromium sees an edit;
 * the host checks still hold through the proxy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "hmr.enabled=true", "hmr.watch.roots=${test.proxy.roots}", "hmr.host=localhost",
				"hmr.protocol=wss", "server.forward-headers-strategy=native" },
		classes = PlaygroundBrowserIntegrationTests.PlaygroundApplication.class)
@EnabledIf("nginxIsInstalled")
class ReverseProxyBrowserIntegrationTests {

	private static final File NGINX = new File("/usr/sbin/nginx");

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	// created before the application context starts: see Playground
	private static final Playground playground = Playground.copy();

	private static final int APP_PORT = TestSocketUtils.findAvailableTcpPort();

	private static final int PROXY_PORT = TestSocketUtils.findAvailableTcpPort();

	private static Path proxyDirectory;

	private static Process nginx;

	static boolean nginxIsInstalled() {
		return NGINX.canExecute();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		registry.add("test.proxy.roots", playground::roots);
		registry.add("server.port", () -> APP_PORT);
		registry.add("hmr.client-port", () -> PROXY_PORT);
		startNginx();
	}

	private static void startNginx() throws Exception {
		if (nginx != null) {
			return;
		}
		proxyDirectory = Files.createTempDirectory("hmr-nginx-");
		Files.createDirectories(proxyDirectory.resolve("logs"));
		Files.createDirectories(proxyDirectory.resolve("temp"));
		run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
				"-keyout", proxyDirectory.resolve("key.pem").toString(), "-out",
				proxyDirectory.resolve("cert.pem").toString()));
		String conf = """
				worker_processes 1;
				error_log %1$s/logs/error.log;
				pid %1$s/nginx.pid;
				events { worker_connections 64; }
				http {
				  access_log %1$s/logs/access.log;
				  client_body_temp_path %1$s/temp/body;
				  proxy_temp_path %1$s/temp/proxy;
				  fastcgi_temp_path %1$s/temp/fastcgi;
				  uwsgi_temp_path %1$s/temp/uwsgi;
				  scgi_temp_path %1$s/temp/scgi;
				  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
				  server {
				    listen 127.0.0.1:%2$d ssl;
				    server_name localhost;
				    ssl_certificate %1$s/cert.pem;
				    ssl_certificate_key %1$s/key.pem;
				    location / {
				      proxy_pass http://127.0.0.1:%3$d;
				      proxy_http_version 1.1;
				      proxy_set_header Host $http_host;
				      proxy_set_header Upgrade $http_upgrade;
				      proxy_set_header Connection $connection_upgrade;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				      proxy_set_header X-Forwarded-Proto https;
				      proxy_set_header X-Forwarded-Host $host;
				      proxy_set_header X-Forwarded-Port %2$d;
				      proxy_read_timeout 1h;
				    }
				  }
				}
				""".formatted(proxyDirectory, PROXY_PORT, APP_PORT);
		Path confFile = Files.writeString(proxyDirectory.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
		nginx = new ProcessBuilder(NGINX.getPath(), "-p", proxyDirectory.toString(), "-c", confFile.toString(), "-g",
				"daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(proxyDirectory.resolve("logs/stdout.log").toFile())
			.start();
		await().atMost(TIMEOUT).until(() -> {
			assertThat(nginx.isAlive()).as("nginx runs: %s", log("logs/stdout.log") + log("logs/error.log")).isTrue();
			return curl("https://localhost:" + PROXY_PORT + "/", "localhost:" + PROXY_PORT).exitCode != 7;
		});
	}

	@AfterAll
	static void stopNginx() throws InterruptedException {
		if (nginx != null) {
			nginx.destroy();
			if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
				nginx.destroyForcibly();
			}
			nginx = null;
		}
		if (proxyDirectory != null) {
			FileSystemUtils.deleteRecursively(proxyDirectory.toFile());
		}
	}

	@Test
	void aPageLoadedThroughTheProxyGetsItsUpdatesThroughTheProxy() {
		try (Browser browser = Browser.start("--ignore-certificate-errors")) {
			browser.open("https://localhost:" + PROXY_PORT + "/reload/index.html");
			browser.awaitConsole("[vite] connected.");
			assertThat(browser.evaluate("location.protocol")).isEqualTo("https:");
			browser.markWindow();

			playground.edit("reload/index.html", (html) -> html.replace("<p class=\"plain\"></p>",
					"<p class=\"plain\"></p><p class=\"proxied\">through nginx</p>"));

			browser.awaitText(".proxied", "through nginx");
			assertThat(browser.wasReloaded()).isFalse();
		}
		assertThat(log("logs/access.log")).contains("GET /@hmr").contains(" 101 ");
	}

	@Test
	void theHostChecksStillHoldThroughTheProxy() throws Exception {
		String client = "https://localhost:" + PROXY_PORT + "/@vite/client";
		assertThat(curl(client, "localhost:" + PROXY_PORT).status).isEqualTo("200");
		assertThat(curl(client, "evil.example").status).isEqualTo("403");
		assertThat(curl(client, "evil.example:" + PROXY_PORT).status).isEqualTo("403");
	}

	private static CurlResult curl(String url, String host) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "-H",
				"Host: " + host, "--resolve", "localhost:" + PROXY_PORT + ":127.0.0.1", url)
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		int exitCode = process.waitFor();
		return new CurlResult(exitCode, out);
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("%s: %s", command.get(0), out).isZero();
	}

	private static String log(String relative) {
		try {
			return Files.readString(proxyDirectory.resolve(relative));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private record CurlResult(int exitCode, String status) {

	}

}
