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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Boot's forward headers on, the remote address is the client a trusted proxy
 * names: a proxy on loopback forwarding another machine's request does not make it local
 * (issue 14's proxy case).
 */
@SpringBootTest(classes = AdversarialTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "server.forward-headers-strategy=native" })
class RemoteAccessBehindProxyTests {

	@LocalServerPort
	int port;

	@Test
	void aRequestALoopbackProxyForwardsForAnotherMachineIsRefused() throws IOException {
		assertThat(Probe.get(this.port, "/@vite/client").header("X-Forwarded-For", "10.1.2.3").send().status())
			.isEqualTo(403);
	}

	@Test
	void aRequestItForwardsForThisMachineIsServed() throws IOException {
		assertThat(Probe.get(this.port, "/@vite/client").header("X-Forwarded-For", "127.0.0.1").send().status())
			.isEqualTo(200);
		assertThat(Probe.get(this.port, "/@vite/client").send().status()).isEqualTo(200);
	}

}
