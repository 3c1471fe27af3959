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

import dev.hmr.access.HmrAccessGuard;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.transform.HtmlClientInjector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At start-up the warm-up sends the application, through its own filters, the one request
 * of a first page that is the starter's own, and nothing else; the access guard records
 * when requests start, which the engine's rounds wait on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "server.servlet.context-path=/app" })
class HmrServingWarmUpIntegrationTests {

	static final List<String> seen = new CopyOnWriteArrayList<>();

	@Autowired
	private HmrAccessGuard guard;

	@LocalServerPort
	private int port;

	@Test
	void theClientIsRequestedOnceThroughTheApplicationsFiltersAndNothingElse() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("GET /app/@vite/client 200"));
		assertThat(seen).containsExactly("GET /app/@vite/client 200");
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
		assertThat(new HmrServingWarmUp(() -> server, new MockEnvironment(), "", injector).clientUri())
			.isEqualTo(URI.create("http://localhost:8443/@vite/client"));
		assertThat(new HmrServingWarmUp(() -> server, new MockEnvironment().withProperty("server.address", "::1"), "",
				injector)
			.clientUri()).isEqualTo(URI.create("http://[::1]:8443/@vite/client"));
		assertThat(new HmrServingWarmUp(() -> server, new MockEnvironment().withProperty("server.ssl.enabled", "true"),
				"", injector)
			.clientUri()).isNull();
		assertThat(new HmrServingWarmUp(() -> server, new MockEnvironment().withProperty("server.ssl.bundle", "dev"),
				"", injector)
			.clientUri()).isNull();
		assertThat(new HmrServingWarmUp(() -> null, new MockEnvironment(), "", injector).clientUri()).isNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		/** Every request the application gets, first of the filters. */
		@Bean
		FilterRegistrationBean<OncePerRequestFilter> recordingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							chain.doFilter(request, response);
							seen.add(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus());
						}

					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
