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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;
import dev.hmr.engine.MorphingPages;
import dev.hmr.engine.PageUpdates;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page behind Spring Security form login updates in place in Chromium: the page's
 * re-fetch carries the session cookie, so a signed-in user's Thymeleaf page morphs on a
 * template edit instead of turning into the login page, and what the user typed stays.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "spring.security.user.name=ada", "spring.security.user.password=secret" })
@ExtendWith(BrowserExtension.class)
class HmrFormLoginPageUpdatesBrowserIntegrationTests {

	private static final TestProject project = TestProject.create("hmr-security-page-updates")
		.with("templates/account.html", """
				<!doctype html>
				<html xmlns:th="http://www.thymeleaf.org">
				<head><meta charset="utf-8"><title>Account</title></head>
				<body>
				<h1 id="title">Account v1</h1>
				<p id="user" th:text="${user}">someone</p>
				<form id="profile" th:action="@{/account}" method="post">
				  <input id="nickname" name="nickname">
				</form>
				</body>
				</html>
				""");

	@LocalServerPort
	private int port;

	@Autowired
	private PageUpdates pageUpdates;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", () -> project.roots("templates"));
	}

	@Test
	void aSignedInUsersPageMorphsInPlaceOnATemplateEditKeepingTypedInput(Browser browser) throws IOException {
		browser.open("http://localhost:" + this.port + "/account");
		browser.await().until(() -> "/login".equals(browser.script("return location.pathname;")));
		browser.clearConsole();
		browser.driver().findElement(By.name("username")).sendKeys("ada");
		browser.driver().findElement(By.name("password")).sendKeys("secret");
		browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
		browser.await().until(() -> "/account".equals(browser.script("return location.pathname;")));
		browser.awaitText("#user", "ada");
		MorphingPages.awaitMorphReady(browser, this.pageUpdates);
		assertThat(browser.script("return !!document.querySelector('#profile input[name=_csrf]');")).isEqualTo(true);
		browser.driver().findElement(By.id("nickname")).sendKeys("Countess");
		browser.markWindow();

		Path template = project.resolve("templates/account.html");
		Files.writeString(template, Files.readString(template).replace("Account v1", "Account v2"));

		browser.awaitText("#title", "Account v2");
		MorphingPages.assertNoNavigation(browser);
		assertThat(browser.script("return location.pathname;")).isEqualTo("/account");
		assertThat(browser.text("#user")).isEqualTo("ada");
		assertThat(browser.script("return document.getElementById('nickname').value;")).isEqualTo("Countess");
		assertThat(browser.script("return !!document.querySelector('#profile input[name=_csrf]');")).isEqualTo(true);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(AccountController.class)
	static class App {

		@Bean
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.csrf(Customizer.withDefaults())
				.build();
		}

	}

	@Controller
	static class AccountController {

		@GetMapping("/account")
		String account(Principal principal, Model model) {
			model.addAttribute("user", principal.getName());
			return "account";
		}

	}

}
