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

package dev.hmr.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.hmr.access.HmrAccessGuard;
import dev.hmr.serve.WarmUpModules;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.transform.HtmlClientInjector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At start-up the warm-up sends the application, through its own filters, the one request
 * of a first page that is the starter's own, then rounds of requests for its scratch
 * modules, and nothing else; the access guard records when requests start, which the
 * engine's rounds wait on, but not the warm-up's own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "hmr.enabled=true",
		"server.servlet.context-path=/app", "logging.level.dev.hmr.autoconfigure.HmrServingWarmUp=debug" })
class HmrServingWarmUpIntegrationTests {

	static final List<String> seen = new CopyOnWriteArrayList<>();

	/** When the first request for a scratch module started ({@link System#nanoTime}). */
	static final AtomicLong firstModuleRequest = new AtomicLong();

	/**
	 * The scratch-module requests that reached Spring MVC's handler, by whether they
	 * revalidated.
	 */
	static final AtomicInteger handled = new AtomicInteger();

	static final AtomicInteger handledRevalidations = new AtomicInteger();

	/**
	 * Per round: two stylesheets, and every module re-stamped and revalidated.
	 */
	static final int REQUESTS_PER_ROUND = 2 + 2 * (WarmUpModules.CHAIN + 1);

	@Autowired
	private HmrAccessGuard guard;

	@LocalServerPort
	private int port;

	@Test
	void theClientThenTheScratchModulesAreRequestedThroughTheApplicationsFiltersAndNothingElse() throws Exception {
		int expected = 1 + HmrServingWarmUp.MODULE_ROUNDS * REQUESTS_PER_ROUND;
		await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= expected);
		assertThat(seen.get(0)).isEqualTo("GET /app/@vite/client 200 text/javascript;charset=UTF-8");
		List<String> modules = seen.subList(1, seen.size());
		assertThat(modules).hasSize(expected - 1)
			.allSatisfy((request) -> assertThat(request).matches("GET /app/@hmr-warm-up/[^ ]* (200|304) .*"));
		// no page (serving one would drop a full-reload kept for the next browser); each
		// module re-stamped was transformed, then revalidated
		assertThat(modules).contains("GET /app/@hmr-warm-up/w0.js 200 text/javascript",
				"GET /app/@hmr-warm-up/style.css 200 text/javascript", "GET /app/@hmr-warm-up/link.css 200 text/css");
		assertThat(modules.stream().filter((request) -> request.contains(" 304 ")))
			.hasSize(HmrServingWarmUp.MODULE_ROUNDS * (WarmUpModules.CHAIN + 1));
		// the revalidations were answered ahead of Spring MVC, as the application's kept
		// modules are; the rest reached its resource handler
		assertThat(handledRevalidations).hasValue(0);
		assertThat(handled).hasValue(HmrServingWarmUp.MODULE_ROUNDS * (2 + WarmUpModules.CHAIN + 1));
		// none of them counted as a request that started
		assertThat(this.guard.lastRequestStart()).isLessThan(firstModuleRequest.get());
		// once over, the modules are gone
		await().atMost(Duration.ofSeconds(10))
			.until(() -> TestHttp.get(this.port, "/app/@hmr-warm-up/w0.js", "Accept", "*/*").statusCode() == 404);
		long before = this.guard.lastRequestStart();
		// the guard writes the time at most once a millisecond
		await().until(() -> System.nanoTime() - before > 2_000_000);
		TestHttp.get(this.port, "/app/missing.txt", "Accept", "*/*");
		assertThat(this.guard.lastRequestStart()).isGreaterThan(before);
	}

	@Test
	void noPlainHttpListenerMeansNoRequest() {
		WebServer server = new WebServer() {

			@Override
			public void start() {
			}

			@Override
			public void stop() {
			}

			@Override
			public int getPort() {
				return 8443;
			}

		};
		HtmlClientInjector injector = new HtmlClientInjector("/@vite/client");
		assertThat(new HmrServingWarmUp(() -> server, new MockEnvironment(), "", injector, null).clientUri())
			.isEqualTo(URI.create("http://localhost:8443/@vite/client"));
		assertThat(new HmrServingWarmUp(() -> server, new MockEnvironment().withProperty("server.address", "::1"), "",
				injector, null)
			.clientUri()).isEqualTo(URI.create("http://[::1]:8443/@vite/client"));
		assertThat(new HmrServingWarmUp(() -> server, new MockEnvironment().withProperty("server.ssl.enabled", "true"),
				"", injector, null)
			.clientUri()).isNull();
		assertThat(new HmrServingWarmUp(() -> server, new MockEnvironment().withProperty("server.ssl.bundle", "dev"),
				"", injector, null)
			.clientUri()).isNull();
		assertThat(new HmrServingWarmUp(() -> null, new MockEnvironment(), "", injector, null).clientUri()).isNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication implements WebMvcConfigurer {

		/** Every scratch-module request that reaches a Spring MVC handler. */
		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new HandlerInterceptor() {

				@Override
				public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
					if (request.getRequestURI().startsWith("/app/@hmr-warm-up/")) {
						handled.incrementAndGet();
						if (request.getHeader("If-None-Match") != null) {
							handledRevalidations.incrementAndGet();
						}
					}
					return true;
				}

			});
		}

		/** Every request the application gets, first of the filters. */
		@Bean
		FilterRegistrationBean<OncePerRequestFilter> recordingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							if (request.getRequestURI().startsWith("/app/@hmr-warm-up/")) {
								firstModuleRequest.compareAndSet(0, System.nanoTime());
							}
							chain.doFilter(request, response);
							if (!request.getRequestURI().endsWith("/missing.txt") && seen.size() < 10_000) {
								seen.add(request.getMethod() + " " + request.getRequestURI() + " "
										+ response.getStatus() + " " + response.getContentType());
							}
						}

					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
