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

package dev.hmr.serve;

import java.io.IOException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source serving beside the application's own resource configuration (issue #4): what the
 * application chose wins.
 */
class SourceResourceMappingsIntegrationTests {

	private static final TestProject project = createProject();

	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Nested
	@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "hmr.enabled=true", "spring.web.resources.add-mappings=false" })
	class WithStaticResourcesTurnedOff {

		@LocalServerPort
		private int port;

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			roots(registry);
		}

		@Test
		void sourcesAreNotServedButTheClientAndThePagesStillWork() throws IOException {
			assertThat(RawHttp.get(this.port, "/app.js", "*/*").status()).isEqualTo(404);
			assertThat(RawHttp.get(this.port, "/@vite/client", "*/*").status()).isEqualTo(200);
		}

	}

	@Nested
	@SpringBootTest(classes = { TestApplication.class, OwnHandlerConfiguration.class },
			webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
	class WithTheApplicationsOwnHandler {

		@LocalServerPort
		private int port;

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			roots(registry);
		}

		@Test
		void theApplicationsHandlerAnswers() throws IOException {
			RawHttp.Response response = RawHttp.get(this.port, "/app.js", "*/*");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("// the application's own\n");
		}

	}

	@Nested
	@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "hmr.enabled=true")
	class WithTheTemplatesRootInsideAServedRoot {

		@LocalServerPort
		private int port;

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			registry.add("hmr.watch.roots", () -> project.roots("web", "web/templates"));
		}

		@Test
		void templatesAreStillNotServed() throws IOException {
			assertThat(RawHttp.get(this.port, "/page.js", "*/*").status()).isEqualTo(200);
			RawHttp.Response template = RawHttp.get(this.port, "/templates/view.html", "*/*");
			assertThat(template.body()).doesNotContain("TEMPLATE");
			assertThat(template.status()).isEqualTo(404);
			assertThat(RawHttp.get(this.port, "/templates/view.html?raw", "*/*").status()).isEqualTo(404);
		}

	}

	private static TestProject createProject() {
		return TestProject.create("hmr-mappings")
			.with("static/app.js", "export const app = 1;\n")
			.with("own/app.js", "// the application's own\n")
			.with("web/page.js", "export const page = 1;\n")
			.with("web/templates/view.html", "<p>TEMPLATE</p>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

	static class OwnHandlerConfiguration {

		@Bean
		WebMvcConfigurer ownResources() {
			return new WebMvcConfigurer() {

				@Override
				public void addResourceHandlers(ResourceHandlerRegistry registry) {
					registry.addResourceHandler("/**").addResourceLocations(project.resolve("own").toUri().toString());
				}

			};
		}

	}

}
