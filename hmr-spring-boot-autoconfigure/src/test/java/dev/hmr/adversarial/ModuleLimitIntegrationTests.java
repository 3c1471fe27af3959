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

import dev.hmr.graph.ModuleGraph;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hmr.max-modules}: past it, modules are served without HMR, and one line says so.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.watch.roots=${test.roots}", "hmr.max-modules=3" })
class ModuleLimitIntegrationTests {

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

	@Autowired
	private ModuleGraph graph;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("test.roots", () -> project.roots("static"));
	}

	@Test
	void pastTheLimitModulesAreServedButNotRecordedAndOneLineIsLogged(CapturedOutput output) throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(TestHttp.load(this.port, "/m" + i + ".js").get(0)).contains("export const m = " + i);
		}
		assertThat(this.graph.getMaxModules()).isEqualTo(3);
		assertThat(this.graph.size()).isEqualTo(3);
		assertThat(this.graph.getModuleByUrl("/m9.js")).isNull();
		assertThat(output.getAll().split("its limit \\(hmr.max-modules\\)", -1)).hasSize(2);
	}

	private static TestProject createProject() {
		TestProject project = TestProject.create("module-limit");
		for (int i = 0; i < 10; i++) {
			project.write("static/m" + i + ".js", "export const m = " + i + ";\n");
		}
		return project;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
