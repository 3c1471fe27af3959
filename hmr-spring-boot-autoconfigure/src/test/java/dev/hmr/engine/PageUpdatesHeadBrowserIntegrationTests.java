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

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a morph brings into a page's head, in Chromium on the real stack (issue 12): under
 * a Content-Security-Policy with a fresh nonce per response, a {@code <style>} the
 * template added carries the live page's nonce, so it applies with no violation; a
 * stylesheet {@code <link>} whose {@code href} changed is swapped without a flash (the
 * old sheet stays until the new one has loaded).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(BrowserExtension.class)
class PageUpdatesHeadBrowserIntegrationTests {

	private static final String CSP = """
			<!doctype html>
			<html xmlns:th="http://www.thymeleaf.org">
			<head><meta charset="utf-8"><title>CSP</title>
			<style th:attr="nonce=${nonce}">#title { color: rgb(255, 0, 0); }</style>
			</head>
			<body>
			<h1 id="title">CSP v1</h1>
			<p id="other">other</p>
			<script type="module" th:attr="nonce=${nonce}">window.__runs = (window.__runs || 0) + 1</script>
			</body>
			</html>
			""";

	private static final String LINKED = """
			<!doctype html>
			<html>
			<head><meta charset="utf-8"><title>Linked</title>
			<link rel="stylesheet" href="/red.css">
			</head>
			<body><h1 id="title">Linked v1</h1></body>
			</html>
			""";

	// every frame's colour of #title, and whether the old sheet left before the new one
	// had loaded
	private static final String RECORDER = """
			window.__colors = new Set()
			const frame = () => {
			  window.__colors.add(getComputedStyle(document.getElementById('title')).color)
			  requestAnimationFrame(frame)
			}
			frame()
			window.__earlyRemoval = false
			new MutationObserver((records) => {
			  for (const record of records) {
			    for (const node of record.removedNodes) {
			      if (node.localName === 'link' && node.getAttribute('href') === '/red.css') {
			        const next = document.querySelector('link[href^="/blue.css"]')
			        window.__colors.add(getComputedStyle(document.getElementById('title')).color)
			        if (!next || !next.sheet) window.__earlyRemoval = true
			      }
			    }
			  }
			}).observe(document.head, { childList: true })
			""";

	private static final TestProject project = TestProject.create("hmr-page-updates-head")
		.with("static/red.css", "#title { color: rgb(255, 0, 0); }\n")
		.with("templates/csp.html", CSP)
		.with("templates/linked.html", LINKED);

	private static final CountDownLatch blueSheet = new CountDownLatch(1);

	@LocalServerPort
	private int port;

	@Autowired
	private PageUpdates pageUpdates;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("static", "templates"));
	}

	@Test
	void aStyleTheTemplateAddsGetsTheLivePagesNonceAndAppliesWithoutAViolation(Browser browser) {
		open(browser, "/csp/view/csp");
		browser.awaitComputedStyle("#title", "color", "rgb(255, 0, 0)");
		browser.script("""
				window.__violations = []
				document.addEventListener('securitypolicyviolation',
				    (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))
				""");
		browser.markWindow();

		project.edit("templates/csp.html", (html) -> html.replace("CSP v1", "CSP v2")
			.replace("</head>", "<style th:attr=\"nonce=${nonce}\">#other { color: rgb(0, 0, 255); }</style></head>"));

		browser.awaitText("#title", "CSP v2");
		browser.awaitComputedStyle("#other", "color", "rgb(0, 0, 255)");
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.computedStyle("#title", "color")).isEqualTo("rgb(255, 0, 0)");
		assertThat(browser.script("return window.__violations;")).asList().isEmpty();
		assertThat(browser.script("return window.__runs;")).isEqualTo(1L);
		assertThat(browser.script("return document.querySelectorAll('style').length;")).isEqualTo(2L);
		assertThat(browser.script("return document.querySelectorAll('script[src$=\"/@vite/client\"]').length;"))
			.isEqualTo(1L);
	}

	@Test
	void aStylesheetWhoseHrefChangedIsSwappedOnceTheNewOneHasLoaded(Browser browser) {
		open(browser, "/view/linked");
		browser.awaitComputedStyle("#title", "color", "rgb(255, 0, 0)");
		browser.script(RECORDER);
		browser.markWindow();

		project.edit("templates/linked.html", (html) -> html.replace("/red.css", "/blue.css"));

		// the new sheet is on its way (the server holds it back): the old one stays
		browser.await()
			.until(() -> Boolean.TRUE
				.equals(browser.script("return !!document.querySelector('link[href=\"/blue.css\"]');")));
		assertThat(browser.script("return !!document.querySelector('link[href=\"/red.css\"]');")).isEqualTo(true);
		assertThat(browser.computedStyle("#title", "color")).isEqualTo("rgb(255, 0, 0)");
		blueSheet.countDown();

		browser.awaitComputedStyle("#title", "color", "rgb(0, 0, 255)");
		browser.await()
			.until(() -> Boolean.FALSE
				.equals(browser.script("return !!document.querySelector('link[href=\"/red.css\"]');")));
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.script("return window.__earlyRemoval;")).isEqualTo(false);
		assertThat(browser.script("return [...window.__colors].sort().join(' | ');"))
			.isEqualTo("rgb(0, 0, 255) | rgb(255, 0, 0)");
		assertThat(browser.script("return document.querySelectorAll('link[rel=stylesheet]').length;")).isEqualTo(1L);
	}

	private void open(Browser browser, String path) {
		browser.open("http://localhost:" + this.port + path);
		MorphingPages.awaitMorphReady(browser, this.pageUpdates);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PagesController.class)
	static class TestApplication {

		/** A fresh nonce per response under {@code /csp/}, as a strict policy has it. */
		@Bean
		OncePerRequestFilter cspFilter() {
			SecureRandom random = new SecureRandom();
			return new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getRequestURI().startsWith("/csp/")) {
						byte[] bytes = new byte[16];
						random.nextBytes(bytes);
						String nonce = Base64.getEncoder().encodeToString(bytes);
						request.setAttribute("nonce", nonce);
						response.setHeader("Content-Security-Policy",
								"style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce + "'");
					}
					chain.doFilter(request, response);
				}

			};
		}

	}

	@Controller
	static class PagesController {

		@GetMapping("/csp/view/{name}")
		String csp(@PathVariable String name, HttpServletRequest request, Model model) {
			model.addAttribute("nonce", request.getAttribute("nonce"));
			return name;
		}

		@GetMapping("/view/{name}")
		String view(@PathVariable String name) {
			return name;
		}

		@GetMapping(path = "/blue.css", produces = "text/css")
		@ResponseBody
		String blue() throws InterruptedException {
			// held back until the test has seen the old sheet stay
			blueSheet.await(20, TimeUnit.SECONDS);
			return "#title { color: rgb(0, 0, 255); }\n";
		}

	}

}
