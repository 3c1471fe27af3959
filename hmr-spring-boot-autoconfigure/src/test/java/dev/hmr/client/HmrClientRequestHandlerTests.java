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

package dev.hmr.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrClientRequestHandler}.
 */
class HmrClientRequestHandlerTests {

	private final HmrClientScript script = new HmrClientScript(
			new HmrClientSettings(null, null, null, "/@hmr", Duration.ofSeconds(30), true, "tok", "/"));

	private final HmrClientRequestHandler handler = new HmrClientRequestHandler(this.script);

	@Test
	void servesTheEntryAsJavaScriptThatBrowsersRevalidate() throws Exception {
		MockHttpServletResponse response = handle(new MockHttpServletRequest("GET", "/@vite/client"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/javascript;charset=UTF-8");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
		assertThat(response.getHeader("ETag")).isEqualTo(this.script.module("/@vite/client").etag());
		assertThat(response.getContentAsString()).isEqualTo(this.script.module("/@vite/client").source());
	}

	@Test
	void servesTheRuntimeAndTheOverlay() throws Exception {
		for (String path : new String[] { "/@vite/hmr.mjs", "/@vite/overlay.mjs" }) {
			MockHttpServletResponse response = handle(new MockHttpServletRequest("GET", path));
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getContentType()).as(path).isEqualTo("text/javascript;charset=UTF-8");
			assertThat(response.getContentAsString()).as(path).isEqualTo(this.script.module(path).source());
		}
	}

	@Test
	void answersNotModifiedWhenTheBrowserHasTheSameVersion() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/@vite/client");
		request.addHeader("If-None-Match", this.script.module("/@vite/client").etag());
		MockHttpServletResponse response = handle(request);
		assertThat(response.getStatus()).isEqualTo(304);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(response.getHeader("ETag")).isEqualTo(this.script.module("/@vite/client").etag());
	}

	@Test
	void servesTheModuleWhenTheBrowserHasAnotherVersion() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/@vite/client");
		request.addHeader("If-None-Match", "\"0123\"");
		MockHttpServletResponse response = handle(request);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isNotEmpty();
	}

	@Test
	void headAnswersWithTheHeadersOnly() throws Exception {
		MockHttpServletResponse response = handle(new MockHttpServletRequest("HEAD", "/@vite/client"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/javascript;charset=UTF-8");
		assertThat(response.getContentLength()).isPositive();
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void theContextPathIsNotPartOfTheModulePath() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/@vite/client");
		request.setContextPath("/app");
		assertThat(handle(request).getStatus()).isEqualTo(200);
	}

	@Test
	void otherPathsAreNotFound() throws Exception {
		assertThat(handle(new MockHttpServletRequest("GET", "/@vite/env")).getStatus()).isEqualTo(404);
		assertThat(handle(new MockHttpServletRequest("GET", "/@vite/hmr.d.ts")).getStatus()).isEqualTo(404);
	}

	@Test
	void otherMethodsAreNotAllowed() throws Exception {
		MockHttpServletResponse response = handle(new MockHttpServletRequest("POST", "/@vite/client"));
		assertThat(response.getStatus()).isEqualTo(405);
		assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD");
	}

	private MockHttpServletResponse handle(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handleRequest(request, response);
		return response;
	}

}
