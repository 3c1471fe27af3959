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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The remote addresses that may reach what the starter serves: this machine's loopback
 * addresses always (Vite listens on localhost by default), others only as configured
 * ({@code hmr.allowed-remote-addresses}: addresses, CIDR ranges, or {@value #ANY}), for a
 * dev container or a phone on the LAN. The address is the request's
 * {@code getRemoteAddr()}: the connection's peer, unless Spring Boot's forward headers
 * are on, in which case it is the client a trusted proxy names.
 *
 * @since 0.1.0
 */
public final class RemoteAddresses {

	/** The entry that allows every address. */
	public static final String ANY = "*";

	private static final String PROPERTY = "hmr.allowed-remote-addresses";

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<String> entries;

	private final List<Range> ranges = new ArrayList<>();

	private final boolean any;

	/**
	 * Allow loopback and the given entries.
	 * @param entries addresses ({@code 192.168.1.20}, {@code fd00::2}), CIDR ranges
	 * ({@code 172.16.0.0/12}) or {@value #ANY}
	 * @throws IllegalStateException if an entry is neither
	 */
	public RemoteAddresses(Collection<String> entries) {
		Assert.notNull(entries, "'entries' must not be null");
		this.entries = List.copyOf(entries);
		boolean any = false;
		for (String entry : this.entries) {
			String value = entry.trim();
			if (value.equals(ANY)) {
				any = true;
			}
			else {
				this.ranges.add(Range.parse(value));
			}
		}
		this.any = any;
	}

	/**
	 * Whether a request from this address may go on.
	 * @param remoteAddress the request's remote address, an IP literal
	 * @return whether it is loopback or allowed
	 */
	boolean isAllowed(@Nullable String remoteAddress) {
		if (this.any) {
			return true;
		}
		InetAddress address = (remoteAddress != null) ? literal(remoteAddress) : null;
		if (address == null) {
			return false;
		}
		if (address.isLoopbackAddress()) {
			return true;
		}
		for (Range range : this.ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What is open, for the start-up line.
	 * @return a sentence
	 */
	public String describe() {
		if (this.any) {
			return "HMR serves requests from any address (" + PROPERTY + "=*)";
		}
		if (this.ranges.isEmpty()) {
			return "HMR serves requests from this machine only (loopback); set " + PROPERTY
					+ " to open it to a dev container or another device";
		}
		return "HMR serves requests from this machine (loopback) and from " + String.join(", ", this.entries) + " ("
				+ PROPERTY + ")";
	}

	private static @Nullable InetAddress literal(String value) {
		String address = value.trim();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		int zone = address.indexOf('%');
		if (zone >= 0) {
			address = address.substring(0, zone);
		}
		// Literals only: InetAddress would look a name up
		if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(byte[] network, int prefixLength) {

		static Range parse(String entry) {
			int slash = entry.indexOf('/');
			InetAddress address = literal((slash >= 0) ? entry.substring(0, slash) : entry);
			if (address == null) {
				throw invalid(entry, "not an IP address");
			}
			int bits = address.getAddress().length * 8;
			int prefixLength = bits;
			if (slash >= 0) {
				try {
					prefixLength = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw invalid(entry, "the prefix length is not a number");
				}
				if (prefixLength < 0 || prefixLength > bits) {
					throw invalid(entry, "the prefix length must be between 0 and " + bits);
				}
			}
			return new Range(address.getAddress(), prefixLength);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int whole = this.prefixLength / 8;
			for (int i = 0; i < whole; i++) {
				if (bytes[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefixLength % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (bytes[whole] & mask) == (this.network[whole] & mask);
		}

		private static IllegalStateException invalid(String entry, String reason) {
			return new IllegalStateException("Invalid entry '" + entry + "' in " + PROPERTY + ": " + reason
					+ " (an IP address, a CIDR range such as 192.168.1.0/24, or *)");
		}

	}

}
