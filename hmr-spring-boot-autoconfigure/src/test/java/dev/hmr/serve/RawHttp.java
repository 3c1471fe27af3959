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

package dev.hmr.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 client that writes the request line exactly as given: no URI class, so
 * nothing normalises {@code ..}, decodes {@code %2e} or drops a backslash before the
 * server sees it.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Send {@code GET target} and read the whole answer.
	 * @param port the server's port
	 * @param target the request target, sent verbatim
	 * @param accept the Accept header
	 * @return the answer
	 * @throws IOException on a socket failure
	 */
	static Response get(int port, String target, String accept) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String request = "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: " + accept
					+ "\r\nConnection: close\r\n\r\n";
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			in.transferTo(received);
			String text = received.toString(StandardCharsets.ISO_8859_1);
			int statusEnd = text.indexOf("\r\n");
			String statusLine = (statusEnd >= 0) ? text.substring(0, statusEnd) : text;
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			int headersEnd = text.indexOf("\r\n\r\n");
			String headers = (headersEnd >= 0) ? text.substring(0, headersEnd) : text;
			String body = (headersEnd >= 0) ? text.substring(headersEnd + 4) : "";
			return new Response(status, headers, body);
		}
	}

	record Response(int status, String headers, String body) {

	}

}
