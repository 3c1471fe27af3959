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

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hmr.fs.deny} replaces Vite's defaults, as {@code server.fs.deny} does.
 */
@SpringBootTest(classes = AdversarialTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.fs.deny=*.secret,private/**" })
class ServedSecretsConfiguredTests {

	static final TestProject project = TestProject.create("hmr-secrets-configured")
		.with("static/.env", "PUBLIC=1\n")
		.with("static/a/b.secret", "hidden\n")
		.with("static/private/notes.txt", "hidden\n")
		.with("static/a/private/notes.txt", "shown\n");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void theConfiguredPatternsAreDenied() throws IOException {
		assertThat(Probe.get(this.port, "/a/b.secret").send().status()).isEqualTo(403);
		assertThat(Probe.get(this.port, "/A/B.SECRET?raw").send().status()).isEqualTo(403);
		assertThat(Probe.get(this.port, "/private/notes.txt").send().status()).isEqualTo(403);
	}

	@Test
	void theDefaultsAreReplaced() throws IOException {
		assertThat(Probe.get(this.port, "/.env").send().body()).isEqualTo("PUBLIC=1\n");
		assertThat(Probe.get(this.port, "/a/private/notes.txt").send().body()).isEqualTo("shown\n");
	}

}
