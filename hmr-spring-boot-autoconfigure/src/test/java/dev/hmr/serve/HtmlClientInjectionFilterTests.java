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
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HtmlClientInjectionFilter}.
 */
class HtmlClientInjectionFilterTests {

	private static final String CLIENT = "<script type=\"module\" src=\"/@vite/client\"></script>";

	private final List<String> rewritten = new ArrayList<>();

	private final UnaryOperator<String> injector = (html) -> {
		this.rewritten.add(html);
		return html.replace("<head>", "<head>" + CLIENT);
	};

	private final HtmlClientInjectionFilter filter = new HtmlClientInjectionFilter(this.injector);

	@Test
	void htmlWrittenWithAWriterGetsTheClient() throws Exception {
		MockHttpServletResponse response = serve((request, res) -> {
			res.setContentType("text/html;charset=UTF-8");
			res.getWriter().write("<!doctype html><html><head><title>é</title></head><body></body></html>");
		});
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("<!doctype html><html><head>" + CLIENT + "<title>é</title></head><body></body></html>");
		assertThat(response.getContentLength())
			.isEqualTo(response.getContentAsString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void htmlWrittenAsBytesWithAStaleContentLengthGetsTheClientAndTheRightLength() throws Exception {
		byte[] page = "<html><head></head></html>".getBytes(StandardCharsets.UTF_8);
		MockHttpServletResponse response = serve((request, res) -> {
			res.setContentType("text/html");
			res.setContentLength(page.length);
			res.getOutputStream().write(page);
		});
		assertThat(response.getContentAsString()).isEqualTo("<html><head>" + CLIENT + "</head></html>");
		assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
	}

	@Test
	void nonHtmlPassesThroughUntouched() throws Exception {
		MockHttpServletResponse response = serve((request, res) -> {
			res.setContentType("text/javascript");
			res.getWriter().write("const head = '<head>';");
		});
		assertThat(response.getContentAsString()).isEqualTo("const head = '<head>';");
		assertThat(this.rewritten).isEmpty();
	}

	@Test
	void htmlTheApplicationCompressedPassesThroughUntouched() throws Exception {
		byte[] gzipped = { 31, -117, 8, 0 };
		MockHttpServletResponse response = serve((request, res) -> {
			res.setContentType("text/html");
			res.setHeader("Content-Encoding", "gzip");
			res.getOutputStream().write(gzipped);
		});
		assertThat(response.getContentAsByteArray()).isEqualTo(gzipped);
		assertThat(this.rewritten).isEmpty();
	}

	@Test
	void aStreamedPageIsRewrittenAtTheFirstFlushAfterItsHeadAndThenPassesThrough() throws Exception {
		List<String> seenAtSecondFlush = new ArrayList<>();
		MockHttpServletResponse response = serve((request, res) -> {
			res.setContentType("text/html");
			PrintWriter writer = res.getWriter();
			writer.write("<!doctype html>");
			writer.flush();
			writer.write("<html><head></head><body>");
			writer.flush();
			seenAtSecondFlush.add(((MockHttpServletResponse) unwrap(res)).getContentAsString());
			writer.write("<p>later</p></body></html>");
		});
		assertThat(seenAtSecondFlush).containsExactly("<!doctype html><html><head>" + CLIENT + "</head><body>");
		assertThat(response.getContentAsString())
			.isEqualTo("<!doctype html><html><head>" + CLIENT + "</head><body><p>later</p></body></html>");
		assertThat(this.rewritten).hasSize(1);
	}

	@Test
	void aPageWhoseStreamIsClosedBeforeTheFilterReturnsIsWrittenAtTheClose() throws Exception {
		List<String> seenAtClose = new ArrayList<>();
		MockHttpServletResponse response = serve((request, res) -> {
			res.setContentType("text/html");
			res.getOutputStream().write("<html><head></head></html>".getBytes(StandardCharsets.UTF_8));
			// What Tomcat does at the end of a forward, such as Boot's welcome page
			res.getOutputStream().close();
			seenAtClose.add(((MockHttpServletResponse) unwrap(res)).getContentAsString());
		});
		assertThat(seenAtClose).containsExactly("<html><head>" + CLIENT + "</head></html>");
		assertThat(response.getContentAsString()).isEqualTo("<html><head>" + CLIENT + "</head></html>");
	}

	@Test
	void anEmptyHtmlResponseStaysEmpty() throws Exception {
		MockHttpServletResponse response = serve((request, res) -> res.setContentType("text/html"));
		assertThat(response.getContentAsString()).isEmpty();
		assertThat(this.rewritten).isEmpty();
	}

	private MockHttpServletResponse serve(Handler handler) throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
		MockHttpServletResponse response = new MockHttpServletResponse();
		HttpServlet servlet = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
				handler.handle(req, res);
			}
		};
		this.filter.doFilter(request, response, new MockFilterChain(servlet));
		return response;
	}

	private static ServletResponse unwrap(HttpServletResponse response) {
		ServletResponse current = response;
		while (current instanceof ServletResponseWrapper wrapper) {
			current = wrapper.getResponse();
		}
		return current;
	}

	@FunctionalInterface
	interface Handler {

		void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

	}

}
