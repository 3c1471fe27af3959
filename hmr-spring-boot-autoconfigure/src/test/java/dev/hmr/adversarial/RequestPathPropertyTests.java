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

package dev.hmr.adversarial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever path a request names (dot segments, encoded or not, backslashes, path
 * parameters, NUL, overlong UTF-8, {@code /@fs/} with an absolute path, Vite's queries),
 * the answer is never a 500 and never a file outside the served root. The paths are
 * seeded random inputs: pass {@code -Dhmr.adversarial.seed=N} to replay the seed a
 * failure names.
 */
@Tag("slow")
class RequestPathPropertyTests {

	private static final long SEED = Long.parseLong(System.getProperty("hmr.adversarial.seed", "20260101"));

	private static final String[] SEGMENTS = { "..", ".", "%2e%2e", "%2E%2e", ".%2e", "%2e", "%2f", "%2F", "%5c", "\\",
			"..\\", "static", "secret.txt", "config", "application.properties", "js", "a.js", "b.js", "css", "site.css",
			"index.html", ";x=1", "..;", ";jsessionid=1", "%00", "%c0%ae%c0%ae", "%c0%af", "%252e%252e", "", "~", "@fs",
			"@id", "@vite", "client", "@hmr", "%20", "%ff", "%", "%zz", "WEB-INF", "META-INF", ".git", ".env" };

	private static final String[] QUERIES = { "", "?raw", "?import", "?url", "?import&raw", "?direct",
			"?t=1700000000000", "?x=1", "?import&url&inline", "?%00", "?.." };

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String SECRET = "SECRET-outside-the-root-4b1d";

	private static final TestProject project = TestProject.create("request-paths")
		.with("static/index.html", "<!doctype html><title>home</title>")
		.with("static/js/a.js", "import './b.js';\nexport const a = 1;\n")
		.with("static/js/b.js", "export const b = 2;\n")
		.with("static/css/site.css", "@import './base.css';\n")
		.with("static/css/base.css", "body { color: red }\n")
		.with("secret.txt", SECRET)
		.with("config/application.properties", "password=" + SECRET);

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(TestApplication.class)
			.properties("hmr.enabled=true", "server.port=0", "server.address=127.0.0.1",
					"hmr.watch.roots=" + project.roots("static"))
			.run();
		port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void noPathEscapesTheRootOrFailsTheServer() throws IOException {
		SplittableRandom random = new SplittableRandom(SEED);
		for (int tries = 0; tries < 1_500; tries++) {
			String target = path(random) + QUERIES[random.nextInt(QUERIES.length)];
			String description = "seed " + SEED + " (-Dhmr.adversarial.seed=" + SEED + "), case " + tries + ": "
					+ target;
			String[] response = get(target);
			assertThat(response[0]).as(description).matches("HTTP/1\\.1 [1-4]\\d\\d .*");
			assertThat(response[1]).as(description).doesNotContain(SECRET);
		}
	}

	/**
	 * Nine in ten: up to 8 segments, known or alphanumeric; one in ten: an absolute path.
	 */
	private static String path(SplittableRandom random) {
		if (random.nextInt(10) == 0) {
			String secretPath = project.resolve("secret.txt").toString();
			String[] absolute = { "/@fs" + secretPath, "/@fs/" + secretPath, "/@fs" + secretPath.replace("/", "%2f"),
					"/@id" + secretPath, secretPath, "/js/../../secret.txt" };
			return absolute[random.nextInt(absolute.length)];
		}
		StringBuilder path = new StringBuilder();
		int count = random.nextInt(9);
		for (int i = 0; i < count; i++) {
			path.append((i > 0) ? "/" : "").append(segment(random));
		}
		return "/" + path;
	}

	private static String segment(SplittableRandom random) {
		if (random.nextBoolean()) {
			return SEGMENTS[random.nextInt(SEGMENTS.length)];
		}
		StringBuilder segment = new StringBuilder();
		int length = random.nextInt(7);
		for (int i = 0; i < length; i++) {
			segment.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return segment.toString();
	}

	/** A request written byte for byte, as no HTTP client would send it. */
	private static String[] get(String target) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(30_000);
			OutputStream output = socket.getOutputStream();
			output.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nSec-Fetch-Dest: script\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			output.flush();
			InputStream input = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			input.transferTo(read);
			String response = read.toString(StandardCharsets.UTF_8);
			int lineEnd = response.indexOf("\r\n");
			return new String[] { (lineEnd >= 0) ? response.substring(0, lineEnd) : response, response };
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
