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

package dev.hmr.jetty;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import dev.hmr.channel.HotChannelTestApplication;
import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ConnectedPayload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the jetty-tests execution really runs on Jetty, not on a Tomcat left on its
 * class path, so that the suites it runs prove what they say; and that the socket and the
 * dedicated port answer there.
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hmr.enabled=true")
class JettyServerIntegrationTests {

	private static final int HMR_PORT = TestSocketUtils.findAvailableTcpPort();

	@Autowired
	private WebServerApplicationContext context;

	@DynamicPropertySource
	static void hmrPort(DynamicPropertyRegistry registry) {
		registry.add("hmr.port", () -> HMR_PORT);
	}

	@Test
	void theServerIsJetty() {
		assertThat(this.context.getWebServer()).isInstanceOf(JettyWebServer.class);
		assertThat(isPresent("org.apache.catalina.startup.Tomcat")).isFalse();
	}

	@Test
	void theSocketAnswersOnTheApplicationsPortAndTheDedicatedPort() {
		int port = this.context.getWebServer().getPort();
		for (int answering : new int[] { port, HMR_PORT }) {
			try (TestHotClient client = TestHotClient.to(URI.create("ws://localhost:" + answering + "/@hmr"))
				.connect()) {
				assertThat(client.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			}
		}
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, JettyServerIntegrationTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
