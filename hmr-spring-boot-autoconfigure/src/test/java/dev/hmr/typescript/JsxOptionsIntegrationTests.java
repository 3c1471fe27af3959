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

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hmr.jsx.*} properties reach the compiler: the classic runtime with the
 * configured factory and fragment, and JSX in {@code .js} once it is turned on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "hmr.enabled=true",
		"hmr.jsx.runtime=classic", "hmr.jsx.factory=el", "hmr.jsx.fragment=Frag", "hmr.jsx.in-js=true" })
class JsxOptionsIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-jsx-options")
		.with("static/view.js", "import { el, Frag } from './dom.js';\nexport const view = <><b>x</b></>;\n")
		.with("static/dom.js", "export const el = () => null;\nexport const Frag = null;\n");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void jsxInAJsModuleIsCompiledForTheConfiguredClassicFactory() throws Exception {
		HttpResponse<String> response = TestHttp.get(this.port, "/view.js", "Accept", "*/*", "Sec-Fetch-Dest",
				"script");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("import { el, Frag } from \"/dom.js\";")
			.contains("el(Frag, null, /*#__PURE__*/ el(\"b\", null, \"x\"))");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
