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

package dev.hmr.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.TestHotClient;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.payload.HotPayloadCodec;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up runs the engine on a scratch graph and channel: with a browser connected to
 * the real app it sends nothing, logs nothing and leaves the application's graph as it
 * was.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class HmrWarmUpIntegrationTests {

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

	@Autowired
	private HmrWarmUp warmUp;

	@Autowired
	private ModuleGraph moduleGraph;

	@Autowired
	private HotPayloadCodec codec;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void warmUpIsOnByDefaultAndSendsLogsAndRecordsNothing(CapturedOutput output) throws Exception {
		assertThat(this.warmUp).isNotNull();
		try (TestHotClient browser = TestHotClient.connectedBrowser(this.port)) {
			// again, on this thread, with the browser connected
			new HmrWarmUp(this.codec, 2_000).run();
			assertThat(this.moduleGraph.getModules()).isEmpty();
			assertThat(output).doesNotContain("hmr update").doesNotContain("page reload");
			// the next payload is the one of a real change: the warm-up sent none before
			// it
			project.write("static/index.html", "<p>changed</p>");
			assertThat(browser.takeText(TestHotClient.TIMEOUT)).contains("\"type\":\"full-reload\"")
				.contains("/index.html");
		}
	}

	private static TestProject createProject() {
		return TestProject.create("hmr-warm-up-test").with("static/index.html", "<p>original</p>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
