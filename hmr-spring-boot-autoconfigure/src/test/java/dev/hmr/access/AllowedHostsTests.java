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

package dev.hmr.access;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AllowedHosts}.
 */
class AllowedHostsTests {

	private final AllowedHosts allowedHosts = new AllowedHosts(List.of("myhost", ".example.test", "Upper.Test"));

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "localhost:8080", "LOCALHOST:8080", "app.localhost", "a.b.localhost:1",
			"127.0.0.1", "127.0.0.1:8080", "10.0.0.255:80", "[::1]", "[::1]:5173", "[fe80::1%25eth0]:80",
			"[::ffff:127.0.0.1]:80", "myhost", "myhost:8080", "example.test", "app.example.test:443",
			"a.b.example.test", "upper.test" })
	void allows(String host) {
		assertThat(this.allowedHosts.isAllowed(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "evil.example.com", "evil.example.com:8080", "localhost.evil.com", "notlocalhost",
			"sub.myhost", "notexample.test", "example.test.evil.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "[]",
			"[evil.com]", "::1", "", ":8080", "localhost:", "localhost:abc", "localhost:1234567", "[::1]x" })
	void refuses(String host) {
		assertThat(this.allowedHosts.isAllowed(host)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "LOCALHOST", "APP.EXAMPLE.TEST", "MYHOST" })
	void comparesNamesWithoutTheDefaultLocale(String host) {
		Locale defaultLocale = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr"));
		try {
			assertThat(this.allowedHosts.isAllowed(host)).isTrue();
		}
		finally {
			Locale.setDefault(defaultLocale);
		}
	}

	@Test
	void aRequestWithoutHostPasses() {
		assertThat(this.allowedHosts.isAllowed(null)).isTrue();
	}

	@Test
	void trueAllowsEveryHostAsInVite() {
		AllowedHosts any = new AllowedHosts(List.of("TRUE"));
		assertThat(any.allowsAny()).isTrue();
		assertThat(any.isAllowed("evil.example.com:8080")).isTrue();
		assertThat(this.allowedHosts.allowsAny()).isFalse();
	}

	@Test
	void theSocketsOwnHostIsAllowed() {
		assertThat(AllowedHosts.of(List.of(), "dev.box").isAllowed("dev.box:8080")).isTrue();
		assertThat(AllowedHosts.of(List.of(), null).isAllowed("dev.box:8080")).isFalse();
	}

}
