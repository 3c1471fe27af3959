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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import dev.hmr.engine.HmrEngine;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;
import dev.hmr.watch.FileChangeKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transform cache on the real stack: a module whose inputs did not change is answered
 * without running the plugins' hooks again (nor reading or transforming its file), a 304
 * included; a save seen by the real watcher, and a hot update of a module it imports,
 * give new code.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class TransformCacheIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-transform-cache")
		.with("static/cached.js", "export const cached = 1;\n")
		.with("static/kept.js", "export const kept = 1;\n")
		.with("static/edited.js", "export const edited = 'first';\n")
		.with("static/styles.css", "@import './base.css';\nbody { color: red; }\n")
		.with("static/base.css", "html { margin: 0; }\n")
		.with("static/chain/main.js", "import { mid } from './mid.js';\nexport const main = mid;\n")
		.with("static/chain/mid.js", "import { dep } from './dep.js';\nexport const mid = dep;\n")
		.with("static/chain/dep.js", "export const dep = 1;\nimport.meta.hot.accept();\n");

	private static final Map<String, AtomicInteger> transforms = new ConcurrentHashMap<>();

	/** Requests that reached Spring MVC's resource handler. */
	private static final AtomicInteger resourceRequests = new AtomicInteger();

	@LocalServerPort
	private int port;

	@Autowired
	private HmrEngine engine;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static"));
	}

	@Test
	void anUnchangedModuleIsAnsweredAndRevalidatedWithoutTransformingItAgain() throws Exception {
		HttpResponse<String> first = module("/cached.js");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(transformsOf("cached.js")).isEqualTo(1);
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> revalidated = TestHttp.get(this.port, "/cached.js", "Accept", "*/*", "Sec-Fetch-Dest",
				"script", "If-None-Match", etag);
		HttpResponse<String> again = module("/cached.js");

		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(again.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(transformsOf("cached.js")).isEqualTo(1);
	}

	@Test
	void aKeptModuleIsAnsweredAheadOfSpringMvcAsTheResourceHandlerAnswersIt() throws Exception {
		HttpResponse<String> first = module("/kept.js");
		int handled = resourceRequests.get();
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = module("/kept.js");
		HttpResponse<String> listed = TestHttp.get(this.port, "/kept.js", "Accept", "*/*", "Sec-Fetch-Dest", "script",
				"If-None-Match", "\"other\", W/" + etag);
		HttpResponse<String> other = TestHttp.get(this.port, "/kept.js", "Accept", "*/*", "Sec-Fetch-Dest", "script",
				"If-None-Match", "\"other\"");

		assertThat(resourceRequests).hasValue(handled);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().map()).containsAllEntriesOf(Map.of("content-type",
				first.headers().allValues("content-type"), "cache-control", first.headers().allValues("cache-control"),
				"etag", List.of(etag), "content-length", first.headers().allValues("content-length"), "accept-ranges",
				first.headers().allValues("accept-ranges")));
		assertThat(listed.statusCode()).isEqualTo(304);
		assertThat(listed.headers().firstValue("ETag")).hasValue(etag);
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).isEqualTo(first.body());
		// a range goes to the resource handler
		HttpResponse<String> range = TestHttp.get(this.port, "/kept.js", "Accept", "*/*", "Sec-Fetch-Dest", "script",
				"Range", "bytes=0-5");
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(first.body().substring(0, 6));
		assertThat(resourceRequests).hasValue(handled + 1);
	}

	@Test
	void aStylesheetAndTheSameFileAsAModuleAreKeptApart() throws Exception {
		HttpResponse<String> sheet = TestHttp.get(this.port, "/styles.css", "Accept", "text/css,*/*;q=0.1");
		HttpResponse<String> module = module("/styles.css");
		HttpResponse<String> sheetAgain = TestHttp.get(this.port, "/styles.css", "Accept", "text/css,*/*;q=0.1");
		HttpResponse<String> moduleAgain = module("/styles.css");

		assertThat(sheet.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(module.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(sheetAgain.body()).isEqualTo(sheet.body()).doesNotContain("__vite__");
		assertThat(sheetAgain.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(moduleAgain.body()).isEqualTo(module.body()).contains("__vite__updateStyle");
		assertThat(moduleAgain.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		// the stylesheet request runs no transform hooks, the module request one
		assertThat(transformsOf("styles.css")).isEqualTo(1);
	}

	@Test
	void aSaveSeenByTheWatcherGivesTheNewCode() throws Exception {
		HttpResponse<String> first = module("/edited.js");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.body()).contains("'first'");

		project.edit("static/edited.js", (code) -> code.replace("'first'", "'second'"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> revalidated = TestHttp.get(this.port, "/edited.js", "Accept", "*/*", "Sec-Fetch-Dest",
					"script", "If-None-Match", etag);
			assertThat(revalidated.statusCode()).isEqualTo(200);
			assertThat(revalidated.body()).contains("'second'");
			assertThat(revalidated.headers().firstValue("ETag")).isNotEqualTo(etag);
		});
		int transformed = transformsOf("edited.js");
		assertThat(module("/edited.js").body()).contains("'second'");
		assertThat(transformsOf("edited.js")).isEqualTo(transformed);
	}

	@Test
	void aHotUpdateOfAnImportRewritesTheImportersTimestampWithoutAChangeOfTheImporter() throws Exception {
		TestHttp.load(this.port, "/chain/main.js", "/chain/mid.js", "/chain/dep.js");
		String before = timestampOfDep(module("/chain/mid.js").body());
		int transformed = transformsOf("mid.js");

		// an update of dep.js with no file event: only its timestamp tells
		this.engine.handleFileChange(project.resolve("static/chain/dep.js"), project.resolve("static"),
				FileChangeKind.MODIFIED);

		String after = timestampOfDep(module("/chain/mid.js").body());
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(transformsOf("mid.js")).isEqualTo(transformed + 1);
	}

	private static @Nullable String timestampOfDep(String code) {
		Matcher matcher = Pattern.compile("/chain/dep\\.js\\?t=(\\d+)").matcher(code);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static int transformsOf(String name) {
		AtomicInteger count = transforms.get(project.resolve("static").resolve(name).toString());
		if (count == null) {
			count = transforms.get(project.resolve("static/chain").resolve(name).toString());
		}
		return (count != null) ? count.get() : 0;
	}

	private HttpResponse<String> module(String path) throws IOException, InterruptedException {
		return TestHttp.get(this.port, path, "Accept", "*/*", "Sec-Fetch-Dest", "script");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		WebMvcConfigurer resourceRequestCounter() {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new HandlerInterceptor() {

						@Override
						public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
								Object handler) {
							if (handler instanceof ResourceHttpRequestHandler) {
								resourceRequests.incrementAndGet();
							}
							return true;
						}

					});
				}

			};
		}

		@Bean
		HmrPlugin countingPlugin() {
			return new HmrPlugin() {

				@Override
				public @Nullable String transform(String code, String id) {
					transforms.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
					return null;
				}

			};
		}

	}

}
