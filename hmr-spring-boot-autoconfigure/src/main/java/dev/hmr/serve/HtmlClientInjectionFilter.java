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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.filter.GenericFilterBean;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Adds the HMR client's {@code <script>} to every HTML document the application serves in
 * development: static pages, templates and {@code @ResponseBody} HTML alike. HTML is
 * buffered until the response completes, or until the application flushes (a streamed
 * page), at which point what was written so far is rewritten and the rest passes through
 * untouched. Responses the application compresses itself, and anything that is not
 * {@code text/html}, pass through untouched. Error pages (an {@code ERROR} dispatch, such
 * as Spring Boot's whitelabel page or an application's {@code error/404.html}) get the
 * client too, so that a page showing an error reloads by itself once the error is fixed.
 * A {@code .html} file served as a static resource is a whole page whatever its first tag
 * (Vite injects into every {@code .html} it serves); HTML a controller returns is left to
 * the injector's fragment rules.
 *
 * @since 0.1.0
 */
public class HtmlClientInjectionFilter extends GenericFilterBean {

	private final UnaryOperator<String> injector;

	private final UnaryOperator<String> pageInjector;

	private Predicate<HttpServletRequest> injectsInto = (request) -> true;

	/**
	 * Create a filter that treats static {@code .html} files like any other HTML.
	 * @param injector rewrites an HTML text to load the client; must leave fragments and
	 * pages that already load it unchanged
	 */
	public HtmlClientInjectionFilter(UnaryOperator<String> injector) {
		this(injector, injector);
	}

	/**
	 * Create a filter.
	 * @param injector rewrites an HTML text to load the client; must leave fragments and
	 * pages that already load it unchanged
	 * @param pageInjector rewrites a static {@code .html} file, a whole page by
	 * definition, to load the client; must leave pages that already load it unchanged
	 */
	public HtmlClientInjectionFilter(UnaryOperator<String> injector, UnaryOperator<String> pageInjector) {
		Assert.notNull(injector, "'injector' must not be null");
		Assert.notNull(pageInjector, "'pageInjector' must not be null");
		this.injector = injector;
		this.pageInjector = pageInjector;
	}

	/**
	 * Decide, per request, whether a page that would get the client gets it: a request
	 * the starter refuses (a foreign {@code Host}) gets the page as the application
	 * rendered it. Asked only when the client would be added.
	 * @param injectsInto the test
	 */
	public void setInjectsInto(Predicate<HttpServletRequest> injectsInto) {
		Assert.notNull(injectsInto, "'injectsInto' must not be null");
		this.injectsInto = injectsInto;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		InjectingResponse pageInProgress = find(response);
		if (pageInProgress != null) {
			chain.doFilter(request, response);
			if (request.getDispatcherType() == DispatcherType.FORWARD) {
				// Tomcat finishes the underlying response as soon as a forward returns
				// (Spring Boot's welcome page forwards / to index.html), past this
				// wrapper:
				// the page is complete now, so write it now.
				pageInProgress.finish();
			}
			return;
		}
		DispatcherType dispatcherType = request.getDispatcherType();
		if (dispatcherType != DispatcherType.REQUEST && dispatcherType != DispatcherType.ERROR
				|| !(request instanceof HttpServletRequest httpRequest)
				|| !(response instanceof HttpServletResponse httpResponse)) {
			chain.doFilter(request, response);
			return;
		}
		UnaryOperator<String> pageOrFragment = (html) -> {
			String injected = isStaticHtmlFile(httpRequest) ? this.pageInjector.apply(html) : this.injector.apply(html);
			return (injected.equals(html) || this.injectsInto.test(httpRequest)) ? injected : html;
		};
		InjectingResponse wrapper = new InjectingResponse(httpResponse, pageOrFragment);
		try {
			chain.doFilter(request, wrapper);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// A page that failed half-way (a template error) must not go out as a 200
			// holding its first half: the container's error page answers instead
			wrapper.discard();
			throw ex;
		}
		finally {
			if (request.isAsyncStarted()) {
				wrapper.stopBuffering();
			}
			else {
				wrapper.finish();
			}
		}
	}

	/**
	 * Whether the request is being answered with a {@code .html} file by Spring's
	 * resource handler (the source roots and static locations): one named, or a folder's
	 * {@code index.html}.
	 */
	static boolean isStaticHtmlFile(HttpServletRequest request) {
		return request.getDispatcherType() == DispatcherType.REQUEST
				&& request
					.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof ResourceHttpRequestHandler
				&& (request.getRequestURI().toLowerCase(Locale.ROOT).endsWith(".html")
						|| request.getRequestURI().endsWith("/"));
	}

	private static @Nullable InjectingResponse find(ServletResponse response) {
		ServletResponse current = response;
		while (current instanceof ServletResponseWrapper wrapper) {
			if (current instanceof InjectingResponse injecting) {
				return injecting;
			}
			current = wrapper.getResponse();
		}
		return null;
	}

	/**
	 * Buffers an HTML body until it can be rewritten.
	 */
	private static final class InjectingResponse extends HttpServletResponseWrapper {

		private static final int MAX_HEAD_SEARCH = 64 * 1024;

		private final UnaryOperator<String> injector;

		private @Nullable ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		private @Nullable ServletOutputStream outputStream;

		private @Nullable PrintWriter writer;

		private boolean decided;

		private boolean draining;

		private boolean discarded;

		InjectingResponse(HttpServletResponse response, UnaryOperator<String> injector) {
			super(response);
			this.injector = injector;
		}

		private boolean isBuffering() {
			if (!this.decided) {
				this.decided = true;
				String contentType = getContentType();
				boolean html = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")
						&& getHeader(HttpHeaders.CONTENT_ENCODING) == null;
				if (!html) {
					this.buffer = null;
				}
			}
			return this.buffer != null;
		}

		@Override
		public void setContentLength(int len) {
			if (!isHtmlSoFar()) {
				super.setContentLength(len);
			}
		}

		@Override
		public void setContentLengthLong(long len) {
			if (!isHtmlSoFar()) {
				super.setContentLengthLong(len);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && isHtmlSoFar()) {
				return;
			}
			super.setHeader(name, value);
		}

		private boolean isHtmlSoFar() {
			if (this.decided) {
				return this.buffer != null;
			}
			String contentType = getContentType();
			return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			Assert.state(this.writer == null, "getWriter() has already been called");
			if (this.outputStream == null) {
				this.outputStream = new InjectingOutputStream(this);
			}
			return this.outputStream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			Assert.state(this.outputStream == null || this.writer != null, "getOutputStream() has already been called");
			if (this.writer == null) {
				this.outputStream = new InjectingOutputStream(this);
				this.writer = new PrintWriter(new OutputStreamWriter(this.outputStream, charset()));
			}
			return this.writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (this.writer != null) {
				// Ends in flushBody() through the stream under the writer.
				this.writer.flush();
			}
			else {
				flushBody();
			}
		}

		/**
		 * The application flushed: past the head, rewrite what is here and stream the
		 * rest.
		 */
		void flushBody() throws IOException {
			if (this.draining) {
				return;
			}
			if (this.buffer != null && !isHeadComplete(this.buffer)) {
				// Too early to rewrite: the client goes into <head>, which is not all
				// here yet.
				return;
			}
			stopBuffering();
			super.flushBuffer();
		}

		private static boolean isHeadComplete(ByteArrayOutputStream buffered) {
			if (buffered.size() > MAX_HEAD_SEARCH) {
				return true;
			}
			String text = buffered.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
			return text.contains("</head") || text.contains("<body");
		}

		@Override
		public void resetBuffer() {
			if (this.buffer != null) {
				this.buffer.reset();
			}
			super.resetBuffer();
		}

		@Override
		public void reset() {
			super.reset();
			this.decided = false;
			this.buffer = new ByteArrayOutputStream();
		}

		/**
		 * Move what the writer holds into the body without treating it as the
		 * application's flush.
		 */
		private void drainWriter() {
			if (this.writer != null) {
				this.draining = true;
				try {
					this.writer.flush();
				}
				finally {
					this.draining = false;
				}
			}
		}

		private Charset charset() {
			String encoding = getCharacterEncoding();
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}

		void write(byte[] bytes, int offset, int length) throws IOException {
			if (this.discarded) {
				return;
			}
			if (isBuffering()) {
				this.buffer.write(bytes, offset, length);
			}
			else {
				getResponse().getOutputStream().write(bytes, offset, length);
			}
		}

		/**
		 * Rewrite what was buffered and let the rest of the body pass through.
		 */
		void stopBuffering() throws IOException {
			drainWriter();
			if (this.buffer == null) {
				return;
			}
			ByteArrayOutputStream buffered = this.buffer;
			this.buffer = null;
			this.decided = true;
			if (buffered.size() > 0) {
				getResponse().getOutputStream().write(rewrite(buffered));
			}
		}

		/**
		 * Forget what was buffered: the page failed before it was complete.
		 */
		void discard() {
			if (this.buffer != null) {
				this.buffer = null;
				this.decided = true;
				this.discarded = true;
				if (!isCommitted()) {
					super.resetBuffer();
				}
			}
		}

		void finish() throws IOException {
			drainWriter();
			if (this.buffer == null) {
				return;
			}
			ByteArrayOutputStream buffered = this.buffer;
			this.buffer = null;
			if (buffered.size() > 0) {
				byte[] body = rewrite(buffered);
				if (!isCommitted()) {
					super.setContentLength(body.length);
				}
				getResponse().getOutputStream().write(body);
			}
		}

		private byte[] rewrite(ByteArrayOutputStream buffered) {
			Charset charset = charset();
			String html = buffered.toString(charset);
			return this.injector.apply(html).getBytes(charset);
		}

	}

	private static final class InjectingOutputStream extends ServletOutputStream {

		private final InjectingResponse response;

		InjectingOutputStream(InjectingResponse response) {
			this.response = response;
		}

		@Override
		public void write(int b) throws IOException {
			this.response.write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.response.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			this.response.flushBody();
		}

		/**
		 * The body is complete. Servlet containers close the response this way at the end
		 * of a forward (Spring Boot's welcome page forwards {@code /} to
		 * {@code index.html}), before this filter regains control, so the page is written
		 * now or never.
		 */
		@Override
		public void close() throws IOException {
			this.response.finish();
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
			throw new UnsupportedOperationException("Non-blocking writes are not supported for HTML pages");
		}

	}

}
