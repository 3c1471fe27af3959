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

package dev.hmr.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that try to read outside the served source roots (issue #4), written on a raw
 * socket so that the server sees them exactly as an attacker would send them. Each must
 * be refused (400, 403 or 404) and never carry a byte of what lies outside. The project
 * has a secret beside the served root, a {@code templates} root (watched, never served),
 * and links inside the served root that point out of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class SourceContainmentIntegrationTests {

	private static final String SECRET = "OUTSIDE-SECRET";

	private static final String TEMPLATE_SECRET = "TEMPLATE-SECRET";

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@Test
	void filesInsideTheRootAreServed() throws IOException {
		RawHttp.Response text = get("/ok.txt");
		assertThat(text.status()).isEqualTo(200);
		assertThat(text.body()).isEqualTo("inside");
		RawHttp.Response module = get("/nested/ok.js");
		assertThat(module.status()).isEqualTo(200);
		assertThat(module.body()).contains("export const ok = 1;");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/../secret.txt", "/nested/../../secret.txt", "/./../secret.txt",
			"/nested/./../../secret.txt", "/../outside/secret.js", "/..", "/../" })
	void dotDotSegmentsAreRefused(String target) throws IOException {
		assertRefused(target);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt",
			"/nested/%2e%2e%2f%2e%2e%2fsecret.txt", "/.%2e/secret.txt", "/%2e./secret.txt" })
	void encodedDotDotSegmentsAreRefused(String target) throws IOException {
		assertRefused(target);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/%2f..%2fsecret.txt", "/%2fetc%2fpasswd", "/nested%2f..%2f..%2fsecret.txt" })
	void encodedSlashesAreRefused(String target) throws IOException {
		assertRefused(target);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/..%5csecret.txt", "/%5c..%5csecret.txt", "/..\\secret.txt",
			"/nested\\..\\..\\secret.txt", "/\\..\\secret.txt" })
	void backslashesAreRefused(String target) throws IOException {
		assertRefused(target);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/..%252fsecret.txt",
			"/%25252e%25252e/secret.txt" })
	void doubleEncodingIsRefused(String target) throws IOException {
		assertRefused(target);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "/ok.txt%00", "/../secret.txt%00.js", "/%00/../secret.txt", "/ok.txt%00/../../secret.txt" })
	void nullBytesAreRefused(String target) throws IOException {
		assertRefused(target);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "//etc/passwd", "///etc/passwd", "/file:/etc/passwd", "/file:///etc/passwd",
			"/file:%2f%2f%2fetc%2fpasswd", "/C:/Windows/win.ini", "/c:%5cWindows%5cwin.ini",
			"http://localhost/../secret.txt", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
			"/@fs/etc/passwd", "/@id/../secret.txt", "/@vite/client/../../secret.txt",
			"/@vite/client%2f..%2f..%2fsecret.txt" })
	void absolutePathsAreRefused(String target) throws IOException {
		assertRefused(target);
	}

	@Test
	void vitesFileSystemPrefixIsNotServed() throws IOException {
		assertRefused("/@fs" + project.resolve("secret.txt"));
		assertRefused("/@fs" + project.resolve("secret.txt") + "?import&raw");
		assertRefused("/@fs" + project.resolve("templates/view.html") + "?raw");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/link.txt", "/linked.js", "/linkdir/secret.js", "/linkdir/../ok.txt/../linkdir/secret.js",
			"/nested/uplink/secret.txt" })
	void linksPointingOutOfTheRootAreRefused(String target) throws IOException {
		assertRefused(target);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/link.txt?raw", "/link.txt?import&raw", "/linked.js?import&url&inline",
			"/linked.js?t=1700000000000", "/linkdir/secret.js?import", "/linkdir/secret.js?raw&import",
			"/../secret.txt?raw", "/..%2fsecret.txt?import&raw", "/%2e%2e/secret.txt?import&url&inline",
			"/../secret.txt?t=1700000000000", "/../secret.txt#x", "/link.txt#?raw" })
	void queryStringTricksOnFilesOutsideTheRootAreRefused(String target) throws IOException {
		assertRefused(target);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/ok.txt?/../../secret.txt", "/ok.txt?raw/../../secret.txt",
			"/ok.txt?raw&../../secret.txt", "/ok.txt?import=../../secret.txt" })
	void aQueryNeverBecomesPartOfThePath(String target) throws IOException {
		RawHttp.Response response = get(target);
		assertThat(response.body()).as(target).doesNotContain(SECRET);
		assertThat(response.status()).as(target).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/view.html", "/templates/view.html", "/../templates/view.html",
			"/%2e%2e/templates/view.html", "/view.html?raw", "/view.html?import", "/view.html?import&raw",
			"/view.html?import&url&inline", "/view.html?t=1700000000000", "/../templates/view.html?raw",
			"/..%2ftemplates%2fview.html?import&raw", "/templates/view.html#raw", "/nested/templink/view.html",
			"/nested/templink/view.html?raw" })
	void templatesAreNeverServed(String target) throws IOException {
		RawHttp.Response response = assertRefused(target);
		assertThat(response.body()).doesNotContain(TEMPLATE_SECRET);
	}

	private RawHttp.Response assertRefused(String target) throws IOException {
		RawHttp.Response response = get(target);
		assertThat(response.body()).as(target)
			.doesNotContain(SECRET)
			.doesNotContain(TEMPLATE_SECRET)
			.doesNotContain("root:");
		assertThat(response.status()).as(target + " answered\n" + response.headers()).isIn(400, 403, 404);
		return response;
	}

	private RawHttp.Response get(String target) throws IOException {
		return RawHttp.get(this.port, target, "*/*");
	}

	private static TestProject createProject() {
		TestProject folder = TestProject.create("hmr-containment")
			.with("static/ok.txt", "inside")
			.with("static/nested/ok.js", "export const ok = 1;\n")
			.with("secret.txt", SECRET)
			.with("outside/secret.js", "export const secret = '" + SECRET + "';\n")
			.with("templates/view.html", "<html><head></head><body>" + TEMPLATE_SECRET + "</body></html>");
		try {
			Files.createSymbolicLink(folder.resolve("static/link.txt"), folder.resolve("secret.txt"));
			Files.createSymbolicLink(folder.resolve("static/linked.js"), folder.resolve("outside/secret.js"));
			Files.createSymbolicLink(folder.resolve("static/linkdir"), folder.resolve("outside"));
			Files.createSymbolicLink(folder.resolve("static/nested/uplink"), Path.of("../.."));
			Files.createSymbolicLink(folder.resolve("static/nested/templink"), folder.resolve("templates"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return folder;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
