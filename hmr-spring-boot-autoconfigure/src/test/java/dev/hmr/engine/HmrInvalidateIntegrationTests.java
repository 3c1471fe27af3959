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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.Update;
import dev.hmr.testsupport.TestFiles;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vite:invalidate} sent by a browser over the real socket (issue #3, REFERENCE
 * §4.8): the importers of the invalidated module get an update carrying
 * {@code firstInvalidatedBy} and the original timestamp, another tab's identical
 * invalidation gives nothing, and a module nothing imports reloads the page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class HmrInvalidateIntegrationTests {

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

	private TestHotClient browser;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@BeforeEach
	void connect() {
		this.browser = TestHotClient.connectedBrowser(this.port);
	}

	@AfterEach
	void disconnect() {
		this.browser.close();
	}

	@Test
	void anInvalidatedModuleUpdatesItsImportersWithFirstInvalidatedByAndOnlyOnce() throws Exception {
		TestHttp.load(this.port, "/inv/parent.js", "/inv/child.js", "/inv/other.js");
		project.write("static/inv/child.js", "export const c = 2;\nimport.meta.hot.accept();\n");
		Update childUpdate = TestFiles.single(this.browser.takePayload());
		assertThat(childUpdate.path()).isEqualTo("/inv/child.js");
		project.write("static/inv/other.js", "export const o = 2;\nimport.meta.hot.accept();\n");
		Update otherUpdate = TestFiles.single(this.browser.takePayload());
		assertThat(otherUpdate.path()).isEqualTo("/inv/other.js");
		this.browser.sendText(invalidate("/inv/child.js"));
		assertThat(this.browser.takeText(TestHotClient.TIMEOUT))
			.isEqualTo(parentUpdate(childUpdate.timestamp(), "/inv/child.js"));
		try (TestHotClient otherTab = TestHotClient.connectedBrowser(this.port)) {
			// Another tab asks the same, then asks for other.js: a socket's messages are
			// handled in order, so other.js's answer coming next proves the first gave
			// nothing
			otherTab.sendText(invalidate("/inv/child.js"));
			otherTab.sendText(invalidate("/inv/other.js"));
			assertThat(otherTab.takeText(TestHotClient.TIMEOUT))
				.isEqualTo(parentUpdate(otherUpdate.timestamp(), "/inv/other.js"));
		}
		assertThat(this.browser.takeText(TestHotClient.TIMEOUT))
			.isEqualTo(parentUpdate(otherUpdate.timestamp(), "/inv/other.js"));
	}

	private static String invalidate(String path) {
		return "{\"type\":\"custom\",\"event\":\"vite:invalidate\",\"data\":{\"path\":\"" + path
				+ "\",\"message\":\"m\",\"firstInvalidatedBy\":\"" + path + "\"}}";
	}

	private static String parentUpdate(long timestamp, String firstInvalidatedBy) {
		return "{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":" + timestamp
				+ ",\"path\":\"/inv/parent.js\",\"acceptedPath\":\"/inv/parent.js\",\"explicitImportRequired\":false,\"isWithinCircularImport\":false,\"firstInvalidatedBy\":\""
				+ firstInvalidatedBy + "\",\"invalidates\":[\"" + firstInvalidatedBy + "?t=" + timestamp + "\"]}]}";
	}

	@Test
	void invalidatingAModuleNothingImportsReloadsThePage() throws Exception {
		TestHttp.load(this.port, "/inv/root.js");
		project.write("static/inv/root.js", "export const r = 2;\nimport.meta.hot.accept();\n");
		assertThat(TestFiles.single(this.browser.takePayload()).path()).isEqualTo("/inv/root.js");
		this.browser.sendText(invalidate("/inv/root.js"));
		assertThat(this.browser.takePayload())
			.isEqualTo(new FullReloadPayload("*", project.resolve("static/inv/root.js").toString()));
	}

	private static TestProject createProject() {
		return TestProject.create("hmr-invalidate")
			.with("static/inv/parent.js", "import './child.js';\nimport './other.js';\nimport.meta.hot.accept();\n")
			.with("static/inv/child.js", "export const c = 1;\nimport.meta.hot.accept();\n")
			.with("static/inv/other.js", "export const o = 1;\nimport.meta.hot.accept();\n")
			.with("static/inv/root.js", "export const r = 1;\nimport.meta.hot.accept();\n");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
