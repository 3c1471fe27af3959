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

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket upgrade request written by hand, for what the JDK's client will not send (a
 * foreign {@code Host}) and for a client that never reads after the handshake.
 */
final class RawHandshake implements Closeable {

	private final Socket socket;

	private final int status;

	private final Map<String, String> headers;

	private RawHandshake(Socket socket, int status, Map<String, String> headers) {
		this.socket = socket;
		this.status = status;
		this.headers = headers;
	}

	/**
	 * Send an upgrade request and read the response's head, nothing more.
	 * @param port the server's port
	 * @param path the request path (with query)
	 * @param receiveBufferSize the socket's receive buffer, small for a client that
	 * should stall quickly
	 * @param headers headers besides the upgrade's own ({@code Host} among them)
	 * @return the open connection and the response's head
	 * @throws IOException on I/O errors
	 */
	static RawHandshake send(int port, String path, int receiveBufferSize, Map<String, String> headers)
			throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(receiveBufferSize);
		socket.setSoTimeout((int) TestHotClient.TIMEOUT.toMillis());
		socket.connect(new InetSocketAddress("localhost", port));
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.putIfAbsent("Host", "localhost:" + port);
		all.put("Upgrade", "websocket");
		all.put("Connection", "Upgrade");
		all.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
		all.put("Sec-WebSocket-Version", "13");
		all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		OutputStream output = socket.getOutputStream();
		output.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
		output.flush();
		String head = readHead(socket.getInputStream());
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> responseHeaders = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			responseHeaders.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		return new RawHandshake(socket, status, responseHeaders);
	}

	/**
	 * Send an upgrade request with a normal receive buffer.
	 * @param port the server's port
	 * @param path the request path
	 * @param headers headers besides the upgrade's own
	 * @return the open connection and the response's head
	 * @throws IOException on I/O errors
	 */
	static RawHandshake send(int port, String path, Map<String, String> headers) throws IOException {
		return send(port, path, 64 * 1024, headers);
	}

	int status() {
		return this.status;
	}

	String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	InputStream input() throws IOException {
		return this.socket.getInputStream();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private static String readHead(InputStream input) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int next = input.read();
			if (next == -1) {
				throw new IOException("Connection closed within the response head: " + head);
			}
			head.write(next);
			matched = (next == end[matched]) ? matched + 1 : ((next == end[0]) ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1).trim();
	}

}
