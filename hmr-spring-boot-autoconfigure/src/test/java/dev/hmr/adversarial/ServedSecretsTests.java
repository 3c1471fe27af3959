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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets inside a served root (issue 11): {@code .env}, {@code .env.local},
 * {@code key.pem}, {@code cert.crt} and {@code sub/.git/config} under {@code static/}
 * answered 200 with their content, also with {@code ?raw}. Vite's {@code server.fs.deny}
 * defaults now refuse them with 403 on every route and query form, and in a static
 * location that is not a source root (the build's copy of the same files).
 */
@SpringBootTest(classes = AdversarialTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hmr.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class ServedSecretsTests {

	private static final String SECRET = "S3CRET";

	static final TestProject project = TestProject.create("hmr-secrets")
		.with("static/.env", "API_KEY=" + SECRET + "-env\n")
		.with("static/.env.local", "API_KEY=" + SECRET + "-local\n")
		.with("static/key.pem", "-----BEGIN PRIVATE KEY-----\n" + SECRET + "-pem\n")
		.with("static/cert.crt", "-----BEGIN CERTIFICATE-----\n" + SECRET + "-crt\n")
		.with("static/sub/.git/config", "[remote]\n\turl = https://" + SECRET + "@example.com/\n")
		.with("static/sub/ok.txt", "fine\n")
		.with("static/.envrc.txt", "fine too\n")
		.with("build-copy/static/.env.production", "API_KEY=" + SECRET + "-production\n");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
		registry.add("spring.web.resources.static-locations",
				() -> project.resolve("build-copy/static").toUri().toString());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/.env", "/.env?raw", "/.env?import", "/.env?url", "/.env?direct", "/.env?import&raw",
			"/.env?import&url&inline", "/.env.local", "/.env.local?raw", "/key.pem", "/key.pem?raw", "/cert.crt",
			"/cert.crt?import", "/sub/.git/config", "/sub/.git/config?raw", "/%2eenv", "/%2Eenv%2elocal", "/key%2epem",
			"/sub/%2egit/config", "/.ENV", "/.Env.Local", "/KEY.PEM", "/Cert.CRT", "/sub/.GIT/config",
			"/.env;jsessionid=1", "/sub/.git;x=1/config", "/sub//.git/config", "/.env.production",
			"/.env.production?raw", "/%252eenv" })
	void aSecretIsRefusedWhateverTheRouteOrQuery(String target) throws IOException {
		Probe.Response response = Probe.get(this.port, target).send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("hmr.fs.deny").doesNotContain(SECRET);
	}

	@Test
	void encodedSlashesAreRefusedByTheServerItself() throws IOException {
		Probe.Response response = Probe.get(this.port, "/sub%2f.git%2fconfig").send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).doesNotContain(SECRET);
	}

	@Test
	void vitesFileSystemPrefixDoesNotReachASecret() throws IOException {
		Probe.Response response = Probe.get(this.port, "/@fs" + project.resolve("static/.env") + "?raw").send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).doesNotContain(SECRET);
	}

	@Test
	void aRefusalIsLoggedOnce(CapturedOutput output) throws IOException {
		assertThat(Probe.get(this.port, "/key.pem?raw").send().status()).isEqualTo(403);
		assertThat(output.getOut().lines().filter((line) -> line.contains("/key.pem"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("Refused GET /key.pem").contains("hmr.fs.deny"));
	}

	@Test
	void aLinkWithAHarmlessNameToADeniedFileIsRefused() throws IOException {
		Path link = project.resolve("static/sub/notes.txt");
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, project.resolve("static/.env"));
		Probe.Response response = Probe.get(this.port, "/sub/notes.txt?raw").send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).doesNotContain(SECRET);
		Files.deleteIfExists(project.resolve("static/sub/fine.txt"));
		Files.createSymbolicLink(project.resolve("static/sub/fine.txt"), project.resolve("static/sub/ok.txt"));
		assertThat(Probe.get(this.port, "/sub/fine.txt").send().body()).isEqualTo("fine\n");
	}

	@Test
	void otherFilesAreServed() throws IOException {
		assertThat(Probe.get(this.port, "/sub/ok.txt").send().body()).isEqualTo("fine\n");
		assertThat(Probe.get(this.port, "/.envrc.txt").send().body()).isEqualTo("fine too\n");
	}

}
