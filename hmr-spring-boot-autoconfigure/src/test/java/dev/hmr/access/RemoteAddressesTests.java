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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RemoteAddresses}.
 */
class RemoteAddressesTests {

	private final RemoteAddresses loopbackOnly = new RemoteAddresses(List.of());

	private final RemoteAddresses lan = new RemoteAddresses(List.of("192.168.1.0/24", "10.0.0.7", "fd00::/8"));

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]" })
	void loopbackIsAlwaysAllowed(String address) {
		assertThat(this.loopbackOnly.isAllowed(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.168.1.20", "10.0.0.1", "fe80::1", "0.0.0.0", "localhost", "evil.example", "", "1234",
			"127.0.0.1.evil" })
	void everythingElseIsRefusedByDefault(String address) {
		assertThat(this.loopbackOnly.isAllowed(address)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.168.1.0", "192.168.1.255", "10.0.0.7", "fd12::3", "::ffff:192.168.1.4" })
	void configuredAddressesAndRangesAreAllowed(String address) {
		assertThat(this.lan.isAllowed(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.168.2.1", "10.0.0.8", "fe80::1" })
	void addressesOutsideTheRangesAreRefused(String address) {
		assertThat(this.lan.isAllowed(address)).isFalse();
	}

	@Test
	void aStarAllowsAny() {
		RemoteAddresses any = new RemoteAddresses(List.of("*"));
		assertThat(any.isAllowed("203.0.113.9")).isTrue();
		assertThat(any.describe()).contains("any address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "my-laptop.local", "192.168.1.0/33", "192.168.1.0/x", "10.0.0", "" })
	void anInvalidEntryFailsNamingTheProperty(String entry) {
		assertThatIllegalStateException().isThrownBy(() -> new RemoteAddresses(List.of(entry)))
			.withMessageContaining("hmr.allowed-remote-addresses");
	}

	@Test
	void describesWhatIsOpen() {
		assertThat(this.loopbackOnly.describe()).contains("this machine only (loopback)");
		assertThat(this.lan.describe()).contains("192.168.1.0/24, 10.0.0.7, fd00::/8");
	}

}
