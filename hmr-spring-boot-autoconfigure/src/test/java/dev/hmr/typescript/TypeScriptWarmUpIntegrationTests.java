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

package dev.hmr.typescript;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With TypeScript in a served root, the warm-up loads SWC's native library in the
 * background after start-up, before any module is requested; nothing was compiled for the
 * application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class TypeScriptWarmUpIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-typescript-warm-up")
		.with("static/deep/er/app.tsx", "export const a = <b/>;\n");

	@Autowired
	private TypeScriptTranspiler transpiler;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void theWarmUpLoadsTheNativeLibraryWithNoRequest() {
		await().atMost(Duration.ofSeconds(30)).until(this.transpiler::isLoaded);
		assertThat(this.transpiler.getTranspileCount()).isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
