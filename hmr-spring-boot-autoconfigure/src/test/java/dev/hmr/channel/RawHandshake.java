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

	OutputStream output() throws IOException {
		return this.socket.getOutputStream();
	}

	/**
	 * Write a client frame: final or not, masked (as browsers do) or not.
	 * @param fin whether it ends its message
	 * @param opcode the opcode
	 * @param payload the payload, unmasked
	 * @param masked whether to mask it
	 * @throws IOException on I/O errors
	 */
	void writeFrame(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
		this.socket.getOutputStream().write(frame(fin, opcode, payload, masked));
		this.socket.getOutputStream().flush();
	}

	/**
	 * A client frame's bytes.
	 * @param fin whether it ends its message
	 * @param opcode the opcode
	 * @param payload the payload, unmasked
	 * @param masked whether to mask it
	 * @return the bytes
	 */
	static byte[] frame(boolean fin, int opcode, byte[] payload, boolean masked) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write((fin ? 0x80 : 0) | opcode);
		int maskBit = masked ? 0x80 : 0;
		if (payload.length <= 125) {
			frame.write(maskBit | payload.length);
		}
		else if (payload.length <= 0xFFFF) {
			frame.write(maskBit | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xFF);
		}
		else {
			frame.write(maskBit | 127);
			for (int i = 7; i >= 0; i--) {
				frame.write((int) (((long) payload.length >> (8 * i)) & 0xFF));
			}
		}
		byte[] mask = { 0x37, (byte) 0xfa, 0x21, 0x3d };
		if (masked) {
			frame.write(mask, 0, 4);
		}
		for (int i = 0; i < payload.length; i++) {
			frame.write(masked ? payload[i] ^ mask[i & 3] : payload[i]);
		}
		return frame.toByteArray();
	}

	/**
	 * Read a server frame.
	 * @return the frame, or {@code null} once the server closed the connection
	 * @throws IOException on I/O errors
	 */
	Frame readFrame() throws IOException {
		InputStream input = this.socket.getInputStream();
		int first = input.read();
		if (first == -1) {
			return null;
		}
		int second = input.readNBytes(1)[0] & 0xFF;
		if ((second & 0x80) != 0) {
			throw new IOException("A masked frame from the server");
		}
		long length = second & 0x7F;
		if (length == 126) {
			byte[] extended = input.readNBytes(2);
			length = ((extended[0] & 0xFF) << 8) | (extended[1] & 0xFF);
		}
		else if (length == 127) {
			byte[] extended = input.readNBytes(8);
			length = 0;
			for (byte b : extended) {
				length = (length << 8) | (b & 0xFF);
			}
		}
		byte[] payload = input.readNBytes(Math.toIntExact(length));
		if (payload.length != length) {
			throw new IOException("The connection ended within a frame");
		}
		return new Frame((first & 0x80) != 0, first & 0x0F, payload);
	}

	/**
	 * A frame the server sent.
	 *
	 * @param fin whether it ends its message
	 * @param opcode its opcode
	 * @param payload its payload
	 */
	record Frame(boolean fin, int opcode, byte[] payload) {

		String text() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

		int closeCode() {
			return ((this.payload[0] & 0xFF) << 8) | (this.payload[1] & 0xFF);
		}

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
