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

package dev.hmr.typescript.absent;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the autoconfigure module but not swc4j (its own execution,
 * {@code no-swc4j-tests}, leaves swc4j off the class path, as an application that depends
 * on the autoconfigure module alone or excludes swc4j from the starter): it starts,
 * {@code .js} is served as before, and a {@code .ts} module answers 500 with the
 * overlay's error saying what to add, logged once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class WithoutSwc4jIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-no-swc4j")
		.with("static/main.js", "export const size = 2;\nimport.meta.hot?.accept();\n")
		.with("static/main.ts", "export const size: number = 2;\n")
		.with("static/App.tsx", "export const App = () => <p>hi</p>;\n");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void swc4jIsNotOnTheClassPath() {
		assertThat(ClassUtils.isPresent("com.caoccao.javet.swc4j.Swc4j", getClass().getClassLoader())).isFalse();
	}

	@Test
	void javaScriptIsServedAndTypeScriptAnswersAnErrorNamingWhatToAdd(CapturedOutput output) throws Exception {
		HttpResponse<String> js = module("/main.js");
		assertThat(js.statusCode()).isEqualTo(200);
		assertThat(js.body()).contains("export const size = 2;").contains("__vite__createHotContext(\"/main.js\")");
		HttpResponse<String> ts = module("/main.ts");
		assertThat(ts.statusCode()).isEqualTo(500);
		assertThat(module("/App.tsx").statusCode()).isEqualTo(500);
		assertThat(output.getOut().split("TypeScript and JSX modules cannot be served", -1)).hasSize(2);
		assertThat(output.getOut()).contains("Add com.caoccao.javet:swc4j");
	}

	private HttpResponse<String> module(String path) throws Exception {
		return TestHttp.get(this.port, path, "Accept", "*/*", "Sec-Fetch-Dest", "script");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
