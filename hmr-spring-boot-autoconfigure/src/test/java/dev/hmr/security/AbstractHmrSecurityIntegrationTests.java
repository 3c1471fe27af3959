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

package dev.hmr.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.TestHotClient;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor who has not signed in gets of HMR in an application secured by a real
 * Spring Security chain.
 */
abstract class AbstractHmrSecurityIntegrationTests {

	static final TestProject project = TestProject.create("hmr-security")
		.with("static/app.js", "export const app = 1;\nimport.meta.hot.accept();\n")
		.with("static/public/page.html", "<!doctype html><html><head></head><body>public</body></html>\n");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void theClientIsServedWithoutSigningIn() throws Exception {
		HttpResponse<String> client = TestHttp.get(this.port, "/@vite/client");
		assertThat(client.statusCode()).isEqualTo(200);
		assertThat(client.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(client.headers().firstValue("Set-Cookie")).as("no session, no saved request").isEmpty();
	}

	@Test
	void theSocketConnectsWithoutSigningIn() {
		TestHotClient browser = TestHotClient.connectedBrowser(this.port);
		browser.close();
	}

	@Test
	void theApplicationsOwnPagesKeepItsRules() throws Exception {
		HttpResponse<String> secret = TestHttp.get(this.port, "/secret");
		assertThat(secret.statusCode()).isIn(401, 302, 403);
		assertThat(secret.body()).doesNotContain("top secret");
	}

}
