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

package dev.hmr.adversarial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace made for a test: a veth pair whose host end is
 * {@code 10.211.N.1/30} and whose namespace end is {@code 10.211.N.2/30}, so that a
 * command run inside it reaches the application as another machine would, from a
 * non-loopback address. Nothing else of the machine's network is touched; closing it
 * deletes the namespace and the pair.
 */
final class NetworkNamespace implements AutoCloseable {

	private static final long TIMEOUT_SECONDS = 30;

	private final String name;

	private final String hostInterface;

	private final String hostAddress;

	private final String namespaceAddress;

	private NetworkNamespace(String suffix, int subnet) {
		this.name = "hmr-test-" + suffix;
		this.hostInterface = "hmrh" + suffix;
		this.hostAddress = "10.211." + subnet + ".1";
		this.namespaceAddress = "10.211." + subnet + ".2";
	}

	/**
	 * Create a namespace, or skip the test when the machine does not permit it.
	 * @return the namespace, up and reachable
	 */
	static NetworkNamespace create() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String suffix = String.format("%04x", random.nextInt(0x10000));
		NetworkNamespace namespace = new NetworkNamespace(suffix, 1 + random.nextInt(250) & ~3);
		Result added = run("ip", "netns", "add", namespace.name);
		Assumptions.assumeTrue(added.exitCode() == 0,
				() -> "Skipped: 'ip netns add' is not permitted here (" + added.output().trim() + ")");
		try {
			String peer = "hmrn" + suffix;
			namespace.check("ip", "link", "add", namespace.hostInterface, "type", "veth", "peer", "name", peer);
			namespace.check("ip", "link", "set", peer, "netns", namespace.name);
			namespace.check("ip", "addr", "add", namespace.hostAddress + "/30", "dev", namespace.hostInterface);
			namespace.check("ip", "link", "set", namespace.hostInterface, "up");
			namespace.check("ip", "netns", "exec", namespace.name, "ip", "addr", "add",
					namespace.namespaceAddress + "/30", "dev", peer);
			namespace.check("ip", "netns", "exec", namespace.name, "ip", "link", "set", peer, "up");
			namespace.check("ip", "netns", "exec", namespace.name, "ip", "link", "set", "lo", "up");
			return namespace;
		}
		catch (RuntimeException ex) {
			namespace.close();
			throw ex;
		}
	}

	/** The address of this machine as seen from inside the namespace. */
	String hostAddress() {
		return this.hostAddress;
	}

	/** The address requests from inside the namespace come from. */
	String namespaceAddress() {
		return this.namespaceAddress;
	}

	/**
	 * Run curl inside the namespace.
	 * @param url the URL
	 * @param headers extra headers, each {@code Name: value}
	 * @return the status code and the body
	 */
	CurlResult curl(String url, String... headers) {
		List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", this.name, "curl", "-s", "--max-time",
				"20", "-o", "-", "-w", "\n%{http_code}"));
		for (String header : headers) {
			command.add("-H");
			command.add(header);
		}
		command.add(url);
		Result result = run(command.toArray(String[]::new));
		String output = result.output();
		int lastLine = output.lastIndexOf('\n');
		String status = output.substring(lastLine + 1).trim();
		return new CurlResult(status.isEmpty() ? 0 : Integer.parseInt(status),
				(lastLine >= 0) ? output.substring(0, lastLine) : "");
	}

	@Override
	public void close() {
		// Deleting the namespace deletes its end of the pair, and so the pair
		run("ip", "link", "del", this.hostInterface);
		run("ip", "netns", "del", this.name);
	}

	private void check(String... command) {
		Result result = run(command);
		if (result.exitCode() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
		}
	}

	private static Result run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, "timed out");
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return new Result(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, ex.toString());
		}
	}

	private record Result(int exitCode, String output) {

	}

	record CurlResult(int status, String body) {

	}

}
