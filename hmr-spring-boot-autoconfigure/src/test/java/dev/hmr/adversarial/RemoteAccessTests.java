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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.HmrToken;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote access (issue 11): Spring binds every interface, and a socket opened without
 * {@code Origin} needs no token, so any machine on the network could connect, read the
 * client's token and the sources. Now everything the starter serves refuses a request
 * that does not come from loopback, unless {@code hmr.allowed-remote-addresses} opens it
 * ({@link RemoteAccessAllowedTests}). The other machine is a network namespace the test
 * makes; a forged {@code X-Forwarded-For} does not pass for loopback, since forward
 * headers are off.
 */
@SpringBootTest(classes = AdversarialTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hmr.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class RemoteAccessTests {

	static final TestProject project = TestProject.create("hmr-remote")
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
	void theClientIsRefusedToAnotherMachine(CapturedOutput output) {
		NetworkNamespace.CurlResult client = namespace.curl(url("/@vite/client"));
		assertThat(client.status()).isEqualTo(403);
		assertThat(client.body()).contains("hmr.allowed-remote-addresses").doesNotContain(this.token.value());
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("Refused GET /@vite/client from " + namespace.namespaceAddress())))
			.hasSize(1);
	}

	@Test
	void theSourcesAndTheSocketAreRefusedToAnotherMachine() {
		assertThat(namespace.curl(url("/app.js")).status()).isEqualTo(403);
		assertThat(namespace.curl(url("/app.js?import")).body()).doesNotContain("import.meta.hot");
		NetworkNamespace.CurlResult socket = namespace.curl(url("/@hmr"), "Connection: Upgrade", "Upgrade: websocket",
				"Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
				"Sec-WebSocket-Protocol: vite-hmr");
		assertThat(socket.status()).isEqualTo(403);
	}

	@Test
	void aForgedForwardedForDoesNotPassForLoopback() {
		assertThat(
				namespace.curl(url("/@vite/client"), "X-Forwarded-For: 127.0.0.1", "Forwarded: for=127.0.0.1").status())
			.isEqualTo(403);
	}

	@Test
	void anApplicationPageIsServedToAnotherMachineWithoutTheClient() {
		NetworkNamespace.CurlResult page = namespace.curl(url("/page"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("app page").doesNotContain("@vite/client");
	}

	@Test
	void thisMachineGetsEverything() throws IOException {
		Probe.Response client = Probe.get(this.port, "/@vite/client").header("X-Forwarded-For", "10.9.9.9").send();
		assertThat(client.status()).isEqualTo(200);
		assertThat(client.body()).contains(this.token.value());
	}

	@Test
	void theStartUpLogSaysWhichAddressesAreServed(CapturedOutput output) {
		assertThat(output).contains("HMR serves requests from this machine only (loopback)");
	}

	private String url(String path) {
		return "http://" + namespace.hostAddress() + ":" + this.port + path;
	}

}
