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

package dev.hmr.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The secret a browser page must present (as {@code ?token=}) to open the HMR socket when
 * its upgrade request carries an {@code Origin} header: Vite's {@code webSocketToken},
 * the fix of CVE-2025-24010. Only same-origin pages can read the client script it is
 * written into, so a foreign page cannot open the socket. One per application context.
 *
 * @since 0.1.0
 */
public final class HmrToken {

	private static final int RANDOM_BYTES = 9;

	private final String value;

	private HmrToken(String value) {
		this.value = value;
	}

	/**
	 * A new random token: 9 bytes of {@link SecureRandom}, base64url, 12 characters, as
	 * Vite makes it.
	 * @return the token
	 */
	public static HmrToken generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		new SecureRandom().nextBytes(bytes);
		return new HmrToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/**
	 * A token with a known value, for tests and for tools that share a token.
	 * @param value the value
	 * @return the token
	 */
	public static HmrToken of(String value) {
		Assert.hasText(value, "'value' must not be empty");
		return new HmrToken(value);
	}

	/**
	 * The token's value, to write into the browser client ({@code __WS_TOKEN__}).
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Whether a candidate equals this token, compared in constant time.
	 * @param candidate what a request presented, or {@code null}
	 * @return whether it matches
	 */
	public boolean matches(@Nullable String candidate) {
		if (candidate == null) {
			return false;
		}
		return MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj instanceof HmrToken other) && matches(other.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	/**
	 * Masked, so that logging the token by accident does not reveal it.
	 */
	@Override
	public String toString() {
		return "HmrToken[****]";
	}

}
