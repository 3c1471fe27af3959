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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.HmrToken;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hmr.allowed-remote-addresses} opens the starter to another machine (a dev
 * container, a phone on the LAN), here the network namespace's range.
 */
@SpringBootTest(classes = AdversarialTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.allowed-remote-addresses=192.0.2.7,10.211.0.0/16" })
class RemoteAccessAllowedTests {

	static final TestProject project = TestProject.create("hmr-remote-allowed")
		.with("static/app.js", "import.meta.hot.accept();\nexport const app = 1;\n");

	static NetworkNamespace namespace;

	@LocalServerPort
	int port;

	@Autowired
	HmrToken token;

	@BeforeAll
	static void createNamespace() {
		namespace = NetworkNamespace.create();
	}

	@AfterAll
	static void deleteNamespace() {
		if (namespace != null) {
			namespace.close();
		}
	}

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void anAllowedMachineGetsTheClientTheSourcesAndThePage() {
		String base = "http://" + namespace.hostAddress() + ":" + this.port;
		NetworkNamespace.CurlResult client = namespace.curl(base + "/@vite/client");
		assertThat(client.status()).isEqualTo(200);
		assertThat(client.body()).contains(this.token.value());
		assertThat(namespace.curl(base + "/app.js").status()).isEqualTo(200);
		assertThat(namespace.curl(base + "/page").body()).contains("@vite/client");
	}

}
