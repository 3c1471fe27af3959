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
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RenderedPages}.
 */
class RenderedPagesTests {

	private static final UnaryOperator<String> INJECT = (html) -> html.replace("<head>",
			"<head><script type=\"module\" src=\"/@vite/client\"></script>");

	private static final String PAGE = "<!doctype html><html><head></head><body></body></html>";

	private static final Path TEMPLATE = Path.of("/project/templates/page.html");

	private static final Path PART = Path.of("/project/templates/part.html");

	@AfterEach
	void reset() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aPageIsGivenAnIdInServerTimingAndItsHtmlIsLeftAsInjected() {
		RenderedPages pages = new RenderedPages();
		MockHttpServletResponse response = startRequest();
		String html = pages.registering(INJECT).apply(PAGE);
		assertThat(html).isEqualTo(INJECT.apply(PAGE));
		assertThat(response.getHeader("Server-Timing")).matches("hmr-page;desc=\"[A-Za-z0-9-]+\"");
	}

	@Test
	void aFragmentIsNotRemembered() {
		RenderedPages pages = new RenderedPages();
		MockHttpServletResponse response = startRequest();
		assertThat(pages.registering(INJECT).apply("<div>fragment</div>")).isEqualTo("<div>fragment</div>");
		assertThat(response.getHeader("Server-Timing")).isNull();
	}

	@Test
	void aPageIsAffectedOnlyByWhatItsRenderUsed() {
		RenderedPages pages = new RenderedPages();
		String id = render(pages, TEMPLATE);
		assertThat(pages.isAffected(id, List.of(RenderedPages.fileKey(TEMPLATE)))).isTrue();
		assertThat(pages.isAffected(id, List.of(RenderedPages.fileKey(PART)))).isFalse();
		assertThat(pages.usesOf(id)).containsExactly(RenderedPages.fileKey(TEMPLATE));
	}

	@Test
	void aPageWhoseRenderToldNothingOrSomethingUnknownIsAffectedByEverything() {
		RenderedPages pages = new RenderedPages();
		String silent = render(pages);
		startRequest();
		pages.recordUse(RenderedPages.fileKey(TEMPLATE));
		pages.recordUnknownUse();
		String unknown = id(pages.registering(INJECT), startedResponse());
		assertThat(pages.isAffected(silent, List.of(RenderedPages.fileKey(PART)))).isTrue();
		assertThat(pages.isAffected(unknown, List.of(RenderedPages.fileKey(PART)))).isTrue();
		assertThat(pages.isAffected(null, List.of(RenderedPages.fileKey(PART)))).isTrue();
		assertThat(pages.isAffected("never-served", List.of(RenderedPages.fileKey(PART)))).isTrue();
	}

	@Test
	void onlyTheMostRecentPagesAreRemembered() {
		RenderedPages pages = new RenderedPages(2);
		String first = render(pages, TEMPLATE);
		String second = render(pages, TEMPLATE);
		String third = render(pages, TEMPLATE);
		assertThat(pages.usesOf(first)).isNull();
		assertThat(pages.usesOf(second)).isNotNull();
		assertThat(pages.usesOf(third)).isNotNull();
		// forgotten, so it may have used anything
		assertThat(pages.isAffected(first, List.of(RenderedPages.fileKey(PART)))).isTrue();
	}

	@Test
	void templatesResolvedAfterTheHeadWasWrittenStillCount() {
		RenderedPages pages = new RenderedPages();
		startRequest();
		String id = id(pages.registering(INJECT), startedResponse());
		pages.recordUse(RenderedPages.fileKey(PART));
		assertThat(pages.isAffected(id, List.of(RenderedPages.fileKey(PART)))).isTrue();
		assertThat(pages.isAffected(id, List.of(RenderedPages.fileKey(TEMPLATE)))).isFalse();
	}

	@Test
	void pageIdsFromBrowsersAreChecked() {
		assertThat(RenderedPages.isPageId("abc-1")).isTrue();
		assertThat(RenderedPages.isPageId("../x")).isFalse();
		assertThat(RenderedPages.isPageId("a\nb")).isFalse();
		assertThat(RenderedPages.isPageId("")).isFalse();
		assertThat(RenderedPages.isPageId("x".repeat(65))).isFalse();
	}

	private static String render(RenderedPages pages, Path... templates) {
		startRequest();
		for (Path template : templates) {
			pages.recordUse(RenderedPages.fileKey(template));
		}
		return id(pages.registering(INJECT), startedResponse());
	}

	private static String id(UnaryOperator<String> injector, MockHttpServletResponse response) {
		injector.apply(PAGE);
		String timing = response.getHeader("Server-Timing");
		assertThat(timing).isNotNull();
		return timing.substring(timing.indexOf('"') + 1, timing.lastIndexOf('"'));
	}

	private static MockHttpServletResponse startRequest() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		RequestContextHolder
			.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/page"), response));
		return response;
	}

	private static MockHttpServletResponse startedResponse() {
		return (MockHttpServletResponse) ((ServletRequestAttributes) RequestContextHolder.getRequestAttributes())
			.getResponse();
	}

}
