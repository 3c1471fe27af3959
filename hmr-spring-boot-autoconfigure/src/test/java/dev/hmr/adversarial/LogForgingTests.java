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

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hmr.channel.TestHotClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Log forging (issue 11): a {@code vite:invalidate} whose path held {@code \n} and an ESC
 * character wrote a forged {@code ERROR} line into the log, and a connection without
 * {@code Origin} needs no token, so any local process could. Now the path and the message
 * are escaped: one line, the forged text inside it.
 */
@SpringBootTest(classes = AdversarialTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hmr.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class LogForgingTests {

	private static final String FORGED = "2026-01-01T00:00:00.000Z ERROR 1 --- [main] o.s.Forged : FORGED";

	@LocalServerPort
	int port;

	@Test
	void anInvalidatedPathWithANewlineAndEscapeWritesOneEscapedLine(CapturedOutput output) {
		try (TestHotClient browser = TestHotClient.connectedBrowser(this.port)) {
			browser.sendText("{\"type\":\"custom\",\"event\":\"vite:invalidate\",\"data\":{\"path\":\"/x.js\\n" + FORGED
					+ "\\u001b[2K\",\"message\":\"why\\r\\n" + FORGED + "-2\\u009b\"}}");
			await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("hmr invalidate"));
		}
		List<String> lines = output.getOut().lines().filter((line) -> line.contains("FORGED")).toList();
		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(line).contains("hmr invalidate /x.js\\n" + FORGED + "\\u001b[2K")
				.contains("why\\r\\n" + FORGED + "-2\\u009b")
				.doesNotContain("\u001b")
				.doesNotContain("\u009b"));
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith(FORGED));
	}

}
