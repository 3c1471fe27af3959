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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
 * DNS rebinding over plain HTTP (issue 11): a site whose name was rebound to 127.0.0.1
 * sends its own name as {@code Host}. Before, {@code /@vite/client} answered 200 with the
 * socket's token and source files answered 200; now everything the starter serves answers
 * 403 with one log line, and a page of the application is served without the client.
 * Again under a context path in {@link DnsRebindingUnderContextPathTests}.
 */
@SpringBootTest(classes = AdversarialTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.allowed-hosts=.example.test" })
@ExtendWith(OutputCaptureExtension.class)
class DnsRebindingTests {

	static final TestProject project = TestProject.create("hmr-rebinding")
		.with("static/app.js", "import.meta.hot.accept();\nexport const app = 1;\n")
		.with("static/style.css", "body { color: red; }\n")
		.with("static/index.html", "<!doctype html><html><head></head><body>index page</body></html>\n");

	@LocalServerPort
	int port;

	@Autowired
	HmrToken token;

	@Value("${server.servlet.context-path:}")
	String contextPath;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void theClientIsRefusedToAForeignHostWithoutItsToken(CapturedOutput output) throws IOException {
		Probe.Response response = probe("/@vite/client").host("evil.example:" + this.port).send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("hmr.allowed-hosts").doesNotContain(this.token.value());
		assertThat(output.getOut().lines().filter((line) -> line.contains("Refused GET " + path("/@vite/client"))))
			.hasSize(1)
			.allSatisfy((line) -> assertThat(line).contains("'evil.example:" + this.port + "'"));
		assertThat(output).doesNotContain(this.token.value());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/@vite/hmr.mjs", "/@vite/overlay.mjs", "/%40vite/client", "/@vite;x=1/client",
			"/@fs/etc/passwd", "/@id/app.js", "/app.js", "/app.js?import", "/app.js?raw", "/style.css",
			"/style.css?direct", "/index.html", "/" })
	void everythingElseTheStarterServesIsRefusedToAForeignHost(String target) throws IOException {
		Probe.Response response = probe(target).host("evil.example:" + this.port).send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).doesNotContain(this.token.value())
			.doesNotContain("import.meta.hot")
			.doesNotContain("color: red")
			.doesNotContain("index page");
	}

	@Test
	void anApplicationPageIsServedToAForeignHostWithoutTheClient(CapturedOutput output) throws IOException {
		Probe.Response response = probe("/page").host("evil.example:" + this.port).send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("app page")
			.doesNotContain("@vite/client")
			.doesNotContain(this.token.value());
		assertThat(output).contains("without the HMR client");
		assertThat(probe("/api/status").host("evil.example").send().body()).isEqualTo("{\"ok\":true}");
	}

	@Test
	void localhostAndAllowedHostsGetEverything() throws IOException {
		for (String host : new String[] { "localhost:" + this.port, "127.0.0.1:" + this.port, "app.localhost",
				"dev.example.test:" + this.port }) {
			Probe.Response client = probe("/@vite/client").host(host).send();
			assertThat(client.status()).as(host).isEqualTo(200);
			assertThat(client.body()).contains(this.token.value());
			assertThat(probe("/app.js").host(host).send().status()).as(host).isEqualTo(200);
			assertThat(probe("/page").host(host).send().body()).as(host).contains("@vite/client");
		}
	}

	private Probe probe(String target) {
		return Probe.get(this.port, path(target));
	}

	private String path(String target) {
		return this.contextPath + target;
	}

}
