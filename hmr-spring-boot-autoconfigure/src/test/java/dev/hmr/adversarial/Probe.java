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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP/1.1 request written by hand, as an attacker sends it: any {@code Host} (the
 * JDK's client will not send a foreign one), the target verbatim (nothing decodes
 * {@code %40} or drops a {@code ;}).
 */
final class Probe {

	private final int port;

	private final String target;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private Probe(int port, String target) {
		this.port = port;
		this.target = target;
		this.headers.put("Host", "localhost:" + port);
		this.headers.put("Accept", "*/*");
	}

	static Probe get(int port, String target) {
		return new Probe(port, target);
	}

	Probe header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	Probe host(String host) {
		return header("Host", host);
	}

	Response send() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			StringBuilder request = new StringBuilder("GET " + this.target + " HTTP/1.1\r\n");
			this.headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			in.transferTo(received);
			String text = received.toString(StandardCharsets.UTF_8);
			int statusEnd = text.indexOf("\r\n");
			String statusLine = (statusEnd >= 0) ? text.substring(0, statusEnd) : text;
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			int headersEnd = text.indexOf("\r\n\r\n");
			String head = (headersEnd >= 0) ? text.substring(0, headersEnd) : text;
			String body = (headersEnd >= 0) ? text.substring(headersEnd + 4) : "";
			return new Response(status, head, body);
		}
	}

	record Response(int status, String head, String body) {

	}

}
