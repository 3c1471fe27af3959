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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The host names a {@code Host} header may name (Vite's {@code isHostAllowed}, the
 * DNS-rebinding defence): IP literals, {@code localhost}, {@code *.localhost}, and the
 * configured names, each exact or, starting with a dot, a domain with its subdomains. The
 * one entry {@code true} allows every host, as Vite's {@code allowedHosts: true}.
 *
 * @since 0.1.0
 */
public final class AllowedHosts {

	/** The entry that allows every host, as Vite's {@code allowedHosts: true}. */
	public static final String ANY = "true";

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+(%[0-9a-z._~-]+)?");

	private final List<String> exact = new ArrayList<>();

	private final List<String> domains = new ArrayList<>();

	private final boolean any;

	/**
	 * Allow the given hosts besides IP literals, {@code localhost} and
	 * {@code *.localhost}.
	 * @param hosts names, {@code .domain} entries, or {@value #ANY}
	 */
	public AllowedHosts(Collection<String> hosts) {
		Assert.notNull(hosts, "'hosts' must not be null");
		boolean any = false;
		for (String host : hosts) {
			Assert.hasText(host, "'hosts' must not contain empty entries");
			String name = host.trim().toLowerCase(Locale.ROOT);
			if (name.equals(ANY)) {
				any = true;
			}
			else if (name.startsWith(".")) {
				this.domains.add(name.substring(1));
			}
			else {
				this.exact.add(name);
			}
		}
		this.any = any;
	}

	/**
	 * The configured hosts and the host browsers are told to connect to
	 * ({@code hmr.host}), which Vite allows too.
	 * @param hosts the configured entries
	 * @param socketHost the socket's host, if one is configured
	 * @return the allowed hosts
	 */
	public static AllowedHosts of(Collection<String> hosts, @Nullable String socketHost) {
		Assert.notNull(hosts, "'hosts' must not be null");
		if (socketHost == null) {
			return new AllowedHosts(hosts);
		}
		List<String> withHost = new ArrayList<>(hosts);
		withHost.add(socketHost);
		return new AllowedHosts(withHost);
	}

	/**
	 * Whether every host is allowed ({@value #ANY}).
	 * @return whether the check is off
	 */
	public boolean allowsAny() {
		return this.any;
	}

	/**
	 * Whether a request with this {@code Host} header may open the socket or read what
	 * the starter serves.
	 * @param hostHeader the header's value, or {@code null} when the request had none
	 * (which passes, as in Vite)
	 * @return whether it is allowed
	 */
	public boolean isAllowed(@Nullable String hostHeader) {
		if (hostHeader == null || this.any) {
			return true;
		}
		String value = hostHeader.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			return end > 1 && isPortOrNothing(value.substring(end + 1))
					&& IPV6.matcher(value.substring(1, end)).matches() && value.substring(1, end).contains(":");
		}
		int colon = value.lastIndexOf(':');
		if (colon >= 0 && value.indexOf(':') != colon) {
			return false;
		}
		String name = (colon >= 0) ? value.substring(0, colon) : value;
		if (colon >= 0 && !isPortOrNothing(value.substring(colon))) {
			return false;
		}
		if (!StringUtils.hasLength(name)) {
			return false;
		}
		return IPV4.matcher(name).matches() || name.equals("localhost") || name.endsWith(".localhost")
				|| this.exact.contains(name) || isInDomains(name);
	}

	private boolean isInDomains(String name) {
		for (String domain : this.domains) {
			int dot = name.length() - domain.length() - 1;
			if (name.endsWith(domain) && (dot == -1 || (dot >= 0 && name.charAt(dot) == '.'))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPortOrNothing(String rest) {
		if (rest.isEmpty()) {
			return true;
		}
		if (rest.charAt(0) != ':' || rest.length() == 1 || rest.length() > 6) {
			return false;
		}
		return rest.substring(1).chars().allMatch(Character::isDigit);
	}

}
