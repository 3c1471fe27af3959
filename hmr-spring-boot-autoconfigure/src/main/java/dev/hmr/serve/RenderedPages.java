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

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.Controller;
import org.springframework.web.util.UrlPathHelper;

/**
 * Which pages use which files: every HTML page that gets the client is given an id, sent
 * with it in a {@code Server-Timing} header, and remembered with what its render read
 * (the templates a template engine resolved, or, for a static {@code .html} file, its own
 * URL). An edit then updates only the open pages that used the edited file; a page whose
 * render told nothing (an {@code @ResponseBody} page, an engine that is not tracked) or
 * that was forgotten counts as using everything. The most recent pages are kept, up to a
 * bound, so memory stays small however long the application runs.
 * <p>
 * A page that answered a form submission (any method but {@code GET} and {@code HEAD}) or
 * an error status must not be fetched again by its URL: that would show the empty form,
 * or submit it again. For such a page the view and model its render used are kept
 * ({@link #captureInterceptor()}), and {@link #replayHandler()} renders them again with
 * the current templates at {@value #REPLAY_PATH}{@code <id>}, for the session that got
 * the page only. The page says which it is in a second {@code Server-Timing} entry,
 * {@value #REPLAY_TIMING_NAME}, described {@code captured} (it can be rendered again) or
 * {@code none} (it cannot: its client shows a notice instead of reloading). Only the most
 * recent {@value #DEFAULT_CAPTURES} captures are kept, and page ids are random, so that
 * they cannot be guessed.
 *
 * @since 0.1.0
 */
public final class RenderedPages {

	/** How many pages are remembered by default. */
	public static final int DEFAULT_CAPACITY = 500;

	/** How many captured renders of form results are remembered by default. */
	static final int DEFAULT_CAPTURES = 32;

	/** The name of the {@code Server-Timing} entry that carries a page's id. */
	public static final String SERVER_TIMING_NAME = "hmr-page";

	/**
	 * The name of the {@code Server-Timing} entry of a page that must not be fetched
	 * again by its URL.
	 */
	static final String REPLAY_TIMING_NAME = "hmr-replay";

	/** Where a captured page is rendered again: this, then its id. */
	public static final String REPLAY_PATH = "/@hmr/page/";

	static final String REPLAY_ATTRIBUTE = RenderedPages.class.getName() + ".replay";

	private static final String SERVER_TIMING = "Server-Timing";

	private static final String REQUEST_ATTRIBUTE = RenderedPages.class.getName() + ".page";

	private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final Map<String, Page> pages;

	private final Map<String, Capture> captures;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Create a registry remembering the most recent {@value #DEFAULT_CAPACITY} pages.
	 */
	public RenderedPages() {
		this(DEFAULT_CAPACITY, DEFAULT_CAPTURES);
	}

	/**
	 * Create a registry.
	 * @param capacity how many of the most recent pages are remembered
	 */
	public RenderedPages(int capacity) {
		this(capacity, DEFAULT_CAPTURES);
	}

	/**
	 * Create a registry.
	 * @param capacity how many of the most recent pages are remembered
	 * @param captures how many of the most recent captured renders of form results are
	 * remembered
	 */
	RenderedPages(int capacity, int captures) {
		Assert.isTrue(capacity > 0, "'capacity' must be positive");
		Assert.isTrue(captures > 0, "'captures' must be positive");
		this.pages = lru(capacity);
		this.captures = lru(captures);
	}

	private static <V> Map<String, V> lru(int capacity) {
		return new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * The key under which a template file is recorded.
	 * @param file the template file
	 * @return the key
	 */
	public static String fileKey(Path file) {
		Assert.notNull(file, "'file' must not be null");
		return "file:" + file.toAbsolutePath().normalize();
	}

	/**
	 * The key under which a static page is recorded.
	 * @param path its path within the application, such as {@code /about.html}
	 * @return the key
	 */
	public static String urlKey(String path) {
		Assert.notNull(path, "'path' must not be null");
		return "url:" + path;
	}

	/**
	 * Record that the render of the current request (if any) read a file.
	 * @param key a {@link #fileKey(Path)} or {@link #urlKey(String)}
	 */
	public void recordUse(String key) {
		Page page = currentPage();
		if (page != null) {
			page.uses.add(key);
		}
	}

	/**
	 * Record that the render of the current request (if any) read something that cannot
	 * be told apart from other files: the page then counts as using every file.
	 */
	public void recordUnknownUse() {
		Page page = currentPage();
		if (page != null) {
			page.unknown = true;
		}
	}

	/**
	 * Wrap an injector so that a page that gets the client is remembered, and its id sent
	 * in a {@code Server-Timing} header ({@value #SERVER_TIMING_NAME}, the id as its
	 * description), which the client reads from the page's navigation timing. The page
	 * itself is left as the injector wrote it, so every render of a page has the same
	 * head.
	 * @param injector rewrites a page to load the client
	 * @return the wrapping injector
	 */
	public UnaryOperator<String> registering(UnaryOperator<String> injector) {
		Assert.notNull(injector, "'injector' must not be null");
		return (html) -> {
			String injected = injector.apply(html);
			if (!injected.equals(html)) {
				RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
				HttpServletResponse response = (attributes instanceof ServletRequestAttributes servlet)
						? servlet.getResponse() : null;
				if (response != null && !response.isCommitted()) {
					Page page = register(response.getStatus());
					if (page != null) {
						response.addHeader(SERVER_TIMING, SERVER_TIMING_NAME + ";desc=\"" + page.id + "\"");
						if (page.replay != null) {
							response.addHeader(SERVER_TIMING, REPLAY_TIMING_NAME + ";desc=\"" + page.replay + "\"");
						}
					}
				}
			}
			return injected;
		};
	}

	/**
	 * Give the page of the current request an id and remember it, with its captured
	 * render if it answered a form submission or an error status.
	 * @param status the response's status
	 * @return the page, or {@code null} outside a request
	 */
	@Nullable Page register(int status) {
		HttpServletRequest request = currentRequest();
		Page page = (request != null) ? pageOf(request) : null;
		if (page == null) {
			return null;
		}
		if (page.id == null) {
			if (HtmlClientInjectionFilter.isStaticHtmlFile(request)) {
				page.uses.add(urlKey(pathWithinApplication(request)));
			}
			// random, so that the id of a captured page (which may hold what a user
			// typed) cannot be guessed; and different between runs, so a tab left open
			// across a restart is unknown, not mistaken for a new page
			byte[] bytes = new byte[16];
			this.random.nextBytes(bytes);
			page.id = HexFormat.of().formatHex(bytes);
			Capture replayed = (request.getAttribute(REPLAY_ATTRIBUTE) instanceof Capture capture) ? capture : null;
			String method = request.getMethod();
			boolean submitted = !"GET".equals(method) && !"HEAD".equals(method);
			Capture captured = (replayed != null) ? replayed : page.capture;
			page.capture = null;
			// a GET error page without a capture (a 404 before its file existed) is
			// fetched again by its URL, which is harmless and turns it into the real page
			if (replayed != null || submitted || (status >= 400 && captured != null)) {
				boolean kept = captured != null;
				if (kept) {
					HttpSession session = request.getSession(false);
					synchronized (this.captures) {
						this.captures.put(page.id, captured.forSession((session != null) ? session.getId() : null));
					}
				}
				page.replay = kept ? "captured" : "none";
			}
			synchronized (this.pages) {
				this.pages.put(page.id, page);
			}
		}
		return page;
	}

	/**
	 * Keep the view and model a handler chose for the page being rendered, so that a page
	 * that answered a form submission or an error status can be rendered again after a
	 * template edit ({@link #replayHandler()}); kept only for such pages, once they get
	 * the client.
	 * @return the interceptor, for the application's handler mappings
	 */
	public HandlerInterceptor captureInterceptor() {
		return new RenderCaptureInterceptor(this);
	}

	/**
	 * Render a captured page again, with the current templates, in the current request
	 * (its session, security context and a new CSRF token), for the session that got it:
	 * the handler of {@value #REPLAY_PATH}{@code <id>}. A page that was not captured, was
	 * forgotten, or belongs to another session is a 404.
	 * @return the handler
	 */
	public Controller replayHandler() {
		return new CapturedPageController(this);
	}

	void capture(HttpServletRequest request, Object view, Map<String, Object> model) {
		pageOf(request).capture = new Capture(view, Map.copyOf(withoutNulls(model)), null);
	}

	private static Map<String, Object> withoutNulls(Map<String, Object> model) {
		Map<String, Object> copy = new LinkedHashMap<>();
		model.forEach((name, value) -> {
			if (value != null) {
				copy.put(name, value);
			}
		});
		return copy;
	}

	/**
	 * The captured render of a page, if the given request may render it again.
	 * @param id the page's id
	 * @param request the request that asks
	 * @return the capture, or {@code null}
	 */
	@Nullable Capture captureFor(String id, HttpServletRequest request) {
		if (!isPageId(id)) {
			return null;
		}
		Capture capture;
		synchronized (this.captures) {
			capture = this.captures.get(id);
		}
		if (capture == null) {
			return null;
		}
		if (capture.sessionId() != null) {
			HttpSession session = request.getSession(false);
			if (session == null || !capture.sessionId().equals(session.getId())) {
				return null;
			}
		}
		return capture;
	}

	/**
	 * Whether an open page may have used any of the given files.
	 * @param id the page's id as its client reported it
	 * @param keys the edited files' keys
	 * @return {@code true} if the page is unknown, forgotten, told nothing of its render,
	 * or used one of the files
	 */
	public boolean isAffected(@Nullable String id, Collection<String> keys) {
		Page page = null;
		if (id != null) {
			synchronized (this.pages) {
				page = this.pages.get(id);
			}
		}
		if (page == null || page.unknown || page.uses.isEmpty()) {
			return true;
		}
		for (String key : keys) {
			if (page.uses.contains(key)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What a remembered page used.
	 * @param id the page's id
	 * @return the keys it used, or {@code null} if the page is not remembered
	 */
	public @Nullable Set<String> usesOf(String id) {
		synchronized (this.pages) {
			Page page = this.pages.get(id);
			return (page != null) ? Set.copyOf(page.uses) : null;
		}
	}

	/**
	 * Whether a string a browser sent can be a page id.
	 * @param id the string
	 * @return {@code true} if it has the shape of an id
	 */
	public static boolean isPageId(@Nullable String id) {
		return id != null && PAGE_ID.matcher(id).matches();
	}

	private @Nullable Page currentPage() {
		HttpServletRequest request = currentRequest();
		return (request != null) ? pageOf(request) : null;
	}

	private static Page pageOf(HttpServletRequest request) {
		Object page = request.getAttribute(REQUEST_ATTRIBUTE);
		if (page instanceof Page existing) {
			return existing;
		}
		Page created = new Page();
		request.setAttribute(REQUEST_ATTRIBUTE, created);
		return created;
	}

	private static @Nullable HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

	private static String pathWithinApplication(HttpServletRequest request) {
		return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
	}

	/** One rendered page: what its render read. */
	static final class Page {

		private final Set<String> uses = ConcurrentHashMap.newKeySet();

		private volatile boolean unknown;

		private volatile @Nullable String id;

		/** What its handler chose, until the page gets an id. */
		private volatile @Nullable Capture capture;

		/** {@code captured}, {@code none}, or {@code null} for a page fetched again. */
		private volatile @Nullable String replay;

	}

	/**
	 * A captured render: the view (a name or a {@code View}) and a copy of the model, and
	 * the id of the session that got the page, if it had one.
	 */
	record Capture(Object view, Map<String, Object> model, @Nullable String sessionId) {

		Capture forSession(@Nullable String sessionId) {
			return new Capture(this.view, this.model, sessionId);
		}

	}

}
