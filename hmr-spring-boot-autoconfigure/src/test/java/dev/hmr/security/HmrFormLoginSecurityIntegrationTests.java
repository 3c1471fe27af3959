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

package dev.hmr.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hmr.testsupport.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typical chain: static files permitted, the rest authenticated, a custom login page.
 */
@SpringBootTest(classes = HmrFormLoginSecurityIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "spring.thymeleaf.enabled=false", "spring.security.user.name=user",
				"spring.security.user.password=secret" })
class HmrFormLoginSecurityIntegrationTests extends AbstractHmrSecurityIntegrationTests {

	@Test
	void aProtectedPageStillRedirectsToTheLoginPage() throws Exception {
		HttpResponse<String> secret = TestHttp.get(this.port, "/secret");
		assertThat(secret.statusCode()).isEqualTo(302);
		assertThat(secret.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void aProtectedModuleKeptInTheTransformCacheIsStillProtected() throws Exception {
		String credentials = Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> signedIn = TestHttp.get(this.port, "/app.js", "Accept", "*/*", "Sec-Fetch-Dest", "script",
				"Authorization", "Basic " + credentials);
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.body()).contains("export const app = 1;");
		String etag = signedIn.headers().firstValue("ETag").orElseThrow();
		// kept now: a visitor who has not signed in gets neither the module nor a 304
		HttpResponse<String> anonymous = TestHttp.get(this.port, "/app.js", "Accept", "*/*", "Sec-Fetch-Dest",
				"script");
		HttpResponse<String> revalidating = TestHttp.get(this.port, "/app.js", "Accept", "*/*", "Sec-Fetch-Dest",
				"script", "If-None-Match", etag);
		assertThat(anonymous.statusCode()).isNotEqualTo(200);
		assertThat(anonymous.body()).doesNotContain("export const app");
		assertThat(revalidating.statusCode()).isNotIn(200, 304);
		assertThat(TestHttp
			.get(this.port, "/app.js", "Accept", "*/*", "Sec-Fetch-Dest", "script", "Authorization",
					"Basic " + credentials, "If-None-Match", etag)
			.statusCode()).isEqualTo(304);
	}

	@Test
	void aPermittedStaticPageGetsTheClient() throws Exception {
		HttpResponse<String> page = TestHttp.get(this.port, "/public/page.html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<script type=\"module\" src=\"/@vite/client\"></script>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**", "/login")
					.permitAll()
					.anyRequest()
					.authenticated())
				.formLogin((form) -> form.loginPage("/login").permitAll())
				// for the test of a protected module: signing in without a form, and the
				// same redirect for a request without credentials
				.httpBasic((basic) -> basic.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
				.csrf(Customizer.withDefaults())
				.build();
		}

		@RestController
		static class Pages {

			@GetMapping("/secret")
			String secret() {
				return "top secret";
			}

			@GetMapping("/login")
			String login() {
				return "login";
			}

		}

	}

}
