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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hmr.testsupport.TestProject;

/**
 * Every test of {@link HmrEndToEndIntegrationTests} with the application under
 * {@code server.servlet.context-path}: pages, modules, the client and the socket are
 * requested under it, while module URLs in the graph and on the wire stay without it, as
 * Vite's are without its {@code base}.
 */
@SpringBootTest(classes = HmrEndToEndIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.watch.roots=${test.roots.app}", "hmr.import-map.imports.lit=/lit.js",
				"server.servlet.context-path=" + HmrEndToEndUnderContextPathIntegrationTests.CONTEXT_PATH })
class HmrEndToEndUnderContextPathIntegrationTests extends HmrEndToEndIntegrationTests {

	static final String CONTEXT_PATH = "/app";

	@Override
	String contextPath() {
		return CONTEXT_PATH;
	}

	@Override
	TestProject project() {
		return appProject;
	}

}
