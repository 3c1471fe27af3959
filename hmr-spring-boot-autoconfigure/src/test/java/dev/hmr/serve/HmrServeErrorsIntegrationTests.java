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
import java.net.http.HttpResponse;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.TestHotClient;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.plugin.HmrPluginException;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a developer sees when serving a module fails, on the real stack: a missing import
 * gives one warning naming the importer and the URL and an overlay; a failed request logs
 * one error, with its stack, once; a plugin's failure reaches the overlay with the
 * plugin's name, the module, and where in it when the plugin says so, and never a Java
 * stack.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class HmrServeErrorsIntegrationTests {

	private static final TestProject project = createProject();

	@LocalServerPort
	private int port;

	private TestHotClient browser;

	private int mark;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@BeforeEach
	void connect(CapturedOutput output) {
		this.browser = TestHotClient.connectedBrowser(this.port);
		this.mark = output.getOut().length();
	}

	@AfterEach
	void disconnect() {
		this.browser.close();
	}

	@Test
	void aMissingImportLogsOneWarningNamingTheImporterAndTheUrlAndShowsTheOverlay(CapturedOutput output)
			throws Exception {
		assertThat(module("/missing/main.js").statusCode()).isEqualTo(200);
		assertThat(module("/missing/gone.js").statusCode()).isEqualTo(404);
		HotError error = takeError();
		String importer = project.resolve("static/missing/main.js").toString();
		assertThat(error.message()).contains("/missing/gone.js").contains("/missing/main.js");
		assertThat(error.id()).isEqualTo(importer);
		assertThat(error.loc()).isEqualTo(new HotError.Location(importer, 2, 22));
		assertThat(error.frame()).contains("2  |  import { gone } from './gone.js';");
		assertThat(error.stack()).isEmpty();
		assertThat(lines(output, "WARN")).singleElement()
			.asString()
			.contains("/missing/gone.js")
			.contains("/missing/main.js");
		assertThat(lines(output, "ERROR")).isEmpty();
	}

	@Test
	void aMissingFileNoModuleImportsIsAPlain404WithNoWarning(CapturedOutput output) throws Exception {
		assertThat(TestHttp.get(this.port, "/missing/never.css", "Accept", "text/css").statusCode()).isEqualTo(404);
		assertThat(lines(output, "WARN")).isEmpty();
	}

	@Test
	void aFailedModuleRequestLogsOneErrorWithItsStackOnce(CapturedOutput output) throws Exception {
		assertThat(module("/bad/syntax.js").statusCode()).isEqualTo(500);
		assertThat(takeError().loc()).isNotNull();
		assertThat(lines(output, "ERROR")).singleElement().asString().contains("/bad/syntax.js");
		assertThat(out(output).split("SourceSyntaxException", -1)).hasSize(2);
	}

	@Test
	void aPluginErrorThatSaysWhereCarriesThePluginTheModuleTheLocationAndAFrameButNoJavaStack(CapturedOutput output)
			throws Exception {
		assertThat(module("/plugin/located.js").statusCode()).isEqualTo(500);
		HotError error = takeError();
		String file = project.resolve("static/plugin/located.js").toString();
		assertThat(error.plugin()).isEqualTo("failing");
		assertThat(error.id()).isEqualTo(file);
		assertThat(error.message()).isEqualTo("Unexpected 'shout'");
		assertThat(error.loc()).isEqualTo(new HotError.Location(file, 2, 6));
		assertThat(error.frame()).isEqualTo("""
				1  |  const a = 1;
				2  |  const shout = 2;
				   |        ^
				3  |  const c = 3;""");
		assertThat(error.stack()).isEmpty();
		assertThat(lines(output, "ERROR")).singleElement().asString().contains("failing").contains("located.js");
		assertThat(out(output)).contains("at dev.hmr.serve.HmrServeErrorsIntegrationTests$FailingPlugin");
	}

	@Test
	void aPluginErrorThatDoesNotSayWhereHasNoLocationAndNoJavaStack(CapturedOutput output) throws Exception {
		assertThat(module("/plugin/data.fail?import").statusCode()).isEqualTo(500);
		HotError error = takeError();
		assertThat(error.plugin()).isEqualTo("failing");
		assertThat(error.id()).isEqualTo(project.resolve("static/plugin/data.fail").toString());
		assertThat(error.message()).isEqualTo("cannot load data.fail");
		assertThat(error.loc()).isNull();
		assertThat(error.frame()).isNull();
		assertThat(error.stack()).isEmpty();
		assertThat(lines(output, "ERROR")).hasSize(1);
	}

	private HotError takeError() {
		HotPayload payload = this.browser.takePayload();
		assertThat(payload).isInstanceOf(ErrorPayload.class);
		return ((ErrorPayload) payload).err();
	}

	/**
	 * The log lines of a level since the test started, as Spring Boot's console format
	 * writes them.
	 */
	private List<String> lines(CapturedOutput output, String level) {
		return out(output).lines().filter((line) -> line.matches("^\\S+\\s+" + level + " .*")).toList();
	}

	private String out(CapturedOutput output) {
		return output.getOut().substring(this.mark);
	}

	/** Request a module as a browser's {@code import} does. */
	private HttpResponse<String> module(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", "*/*", "Sec-Fetch-Dest", "script");
	}

	private static TestProject createProject() {
		return TestProject.create("hmr-serve-errors")
			.with("static/missing/main.js", "import.meta.hot.accept();\nimport { gone } from './gone.js';\n")
			.with("static/bad/syntax.js", "const a = 1;\nconst s = 'unterminated;\n")
			.with("static/plugin/located.js", "const a = 1;\nconst shout = 2;\nconst c = 3;")
			.with("static/plugin/data.fail", "data");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		FailingPlugin failingPlugin() {
			return new FailingPlugin();
		}

	}

	static class FailingPlugin implements HmrPlugin {

		@Override
		public String getName() {
			return "failing";
		}

		@Override
		public @Nullable String load(String id) {
			if (id.endsWith("data.fail")) {
				throw new IllegalStateException("cannot load data.fail");
			}
			return null;
		}

		@Override
		public @Nullable String transform(String code, String id) {
			int shout = code.indexOf("shout");
			if (shout >= 0) {
				throw new HmrPluginException("Unexpected 'shout'", 2, shout - code.indexOf('\n') - 1);
			}
			return null;
		}

	}

}
