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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A WebSocket session (RFC 6455, server side, no extensions) over a connection upgraded
 * with the Servlet API ({@link ServletUpgradeStrategy}), with the Servlet API's
 * non-blocking reads and writes: no thread waits for a browser.
 * <p>
 * Reading: frames are parsed as their bytes arrive, from a buffer that lives only while
 * the container has data for this connection; a text message is decoded as it arrives and
 * handed to the handler in parts (the handler
 * {@link WebSocketHandler#supportsPartialMessages takes parts}, and puts them together up
 * to its limit), so nothing of a message is kept here. Binary messages are not kept
 * either: the handler is told of each one once whole. Pings are answered; a close is
 * answered and ends the connection; a frame that breaks the protocol (unmasked, reserved
 * bits, unknown opcode, a control frame too long or in parts) closes it with
 * {@code 1002}, text that is not UTF-8 with {@code 1007}.
 * <p>
 * Writing: frames are queued and written one after the other; a frame counts as written
 * once the container took all of it ({@link ServletOutputStream#isReady()} after the
 * write), else when the container calls {@link #onWritePossible()}. {@link #sendText}
 * takes the encoded bytes of a message, so that a broadcast encodes its JSON once for
 * every browser.
 */
final class UpgradedWebSocketSession implements WebSocketSession {

	private static final Log logger = LogFactory.getLog(UpgradedWebSocketSession.class);

	private static final IdGenerator idGenerator = new AlternativeJdkIdGenerator();

	private static final int READ_BUFFER_SIZE = 4096;

	private static final int OPCODE_CONTINUATION = 0x0;

	private static final int OPCODE_TEXT = 0x1;

	private static final int OPCODE_BINARY = 0x2;

	private static final int OPCODE_CLOSE = 0x8;

	private static final int OPCODE_PING = 0x9;

	private static final int OPCODE_PONG = 0xA;

	private static final int MAX_CONTROL_PAYLOAD = 125;

	/**
	 * How long a socket closed by the server waits for the browser's close, or for its
	 * own to be written, before it hangs up.
	 */
	private static final long CLOSE_WAIT_MILLIS = 3000;

	/** How long a blocking {@link #sendMessage} waits (Tomcat's default, too). */
	private static final long BLOCKING_SEND_TIMEOUT_MILLIS = 20_000;

	/** The largest frame {@link #encodedText} keeps for the next browser. */
	private static final int MAX_KEPT_FRAME = 64 * 1024;

	private static volatile @Nullable EncodedText lastEncodedText;

	private static final Executor closeWaiter = CompletableFuture.delayedExecutor(CLOSE_WAIT_MILLIS,
			TimeUnit.MILLISECONDS);

	private final String id = idGenerator.generateId().toString();

	private final URI uri;

	private final HttpHeaders handshakeHeaders;

	private final Map<String, Object> attributes;

	private final @Nullable Principal principal;

	private final InetSocketAddress localAddress;

	private final InetSocketAddress remoteAddress;

	private final @Nullable String acceptedProtocol;

	private final WebSocketHandler handler;

	private volatile long blockingSendTimeoutMillis = BLOCKING_SEND_TIMEOUT_MILLIS;

	private volatile int textMessageSizeLimit = Integer.MAX_VALUE;

	private volatile int binaryMessageSizeLimit = Integer.MAX_VALUE;

	private volatile @Nullable WebConnection connection;

	/** False once a close was sent or received, or the connection failed. */
	private volatile boolean open = true;

	/** Set once this side started the closing handshake, or answered the browser's. */
	private final AtomicBoolean closing = new AtomicBoolean();

	private final AtomicBoolean hungUp = new AtomicBoolean();

	private final AtomicBoolean closedNotified = new AtomicBoolean();

	private volatile boolean closeReceived;

	// Writing, guarded by writeLock

	private final Object writeLock = new Object();

	private final ArrayDeque<Frame> outgoing = new ArrayDeque<>(2);

	private @Nullable Frame inFlight;

	private @Nullable ServletOutputStream output;

	/** Whether the last {@code isReady()} said true and nothing was written since. */
	private boolean outputReady;

	private boolean outputFailed;

	// Reading, by one container thread at a time

	private @Nullable ServletInputStream input;

	private final Reader reader = new Reader();

	UpgradedWebSocketSession(URI uri, HttpHeaders handshakeHeaders, Map<String, Object> attributes,
			@Nullable Principal principal, InetSocketAddress localAddress, InetSocketAddress remoteAddress,
			@Nullable String acceptedProtocol, WebSocketHandler handler) {
		this.uri = uri;
		this.handshakeHeaders = handshakeHeaders;
		this.attributes = attributes;
		this.principal = principal;
		this.localAddress = localAddress;
		this.remoteAddress = remoteAddress;
		this.acceptedProtocol = acceptedProtocol;
		this.handler = handler;
	}

	/**
	 * The connection is upgraded and the {@code 101} written: start writing, tell the
	 * handler, then start reading, so that what a browser sends at once (Vite's client
	 * sends what was queued before the socket opened) finds the browser known to the
	 * handler, as with the container's WebSocket.
	 */
	void open(WebConnection connection) {
		this.connection = connection;
		ServletInputStream in;
		try {
			in = connection.getInputStream();
			ServletOutputStream out = connection.getOutputStream();
			out.setWriteListener(new Writer());
			synchronized (this.writeLock) {
				this.output = out;
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Unable to start the upgraded HMR socket " + this.id, ex);
			failed(ex);
			return;
		}
		try {
			this.handler.afterConnectionEstablished(this);
		}
		catch (Exception ex) {
			logger.warn("The HMR socket's handler failed on opening " + this.id, ex);
			close(CloseStatus.SERVER_ERROR, true);
		}
		try {
			this.input = in;
			// also after a close, to read the browser's answer to it
			in.setReadListener(this.reader);
		}
		catch (RuntimeException ex) {
			logger.debug("Unable to read the upgraded HMR socket " + this.id, ex);
			failed(ex);
			return;
		}
		drain();
	}

	/**
	 * The container ended the connection ({@code HttpUpgradeHandler.destroy}).
	 */
	void connectionEnded() {
		this.open = false;
		this.hungUp.set(true);
		failQueued(new IOException("The connection ended"));
		notifyClosed(CloseStatus.NO_CLOSE_FRAME);
	}

	// WebSocketSession

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public URI getUri() {
		return this.uri;
	}

	@Override
	public HttpHeaders getHandshakeHeaders() {
		return this.handshakeHeaders;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public @Nullable Principal getPrincipal() {
		return this.principal;
	}

	@Override
	public InetSocketAddress getLocalAddress() {
		return this.localAddress;
	}

	@Override
	public InetSocketAddress getRemoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public @Nullable String getAcceptedProtocol() {
		return this.acceptedProtocol;
	}

	@Override
	public void setTextMessageSizeLimit(int messageSizeLimit) {
		this.textMessageSizeLimit = messageSizeLimit;
	}

	@Override
	public int getTextMessageSizeLimit() {
		return this.textMessageSizeLimit;
	}

	@Override
	public void setBinaryMessageSizeLimit(int messageSizeLimit) {
		this.binaryMessageSizeLimit = messageSizeLimit;
	}

	@Override
	public int getBinaryMessageSizeLimit() {
		return this.binaryMessageSizeLimit;
	}

	@Override
	public List<WebSocketExtension> getExtensions() {
		return List.of();
	}

	@Override
	public boolean isOpen() {
		return this.open;
	}

	/**
	 * How long {@link #sendMessage} waits for its message to be written: the factory sets
	 * the send time limit.
	 * @param timeout the time limit
	 */
	void setBlockingSendTimeout(Duration timeout) {
		this.blockingSendTimeoutMillis = timeout.toMillis();
	}

	/**
	 * Write a message and wait until it is written, up to the blocking send timeout (20
	 * seconds unless set); HMR's own sends use {@link #sendText} instead, which does not
	 * wait.
	 */
	@Override
	public void sendMessage(WebSocketMessage<?> message) throws IOException {
		int opcode;
		byte[] payload;
		if (message instanceof TextMessage text) {
			opcode = OPCODE_TEXT;
			payload = text.asBytes();
		}
		else if (message instanceof BinaryMessage binary) {
			opcode = OPCODE_BINARY;
			payload = bytesOf(binary.getPayload());
		}
		else if (message instanceof PingMessage ping) {
			opcode = OPCODE_PING;
			payload = bytesOf(ping.getPayload());
		}
		else if (message instanceof PongMessage pong) {
			opcode = OPCODE_PONG;
			payload = bytesOf(pong.getPayload());
		}
		else {
			throw new IllegalArgumentException("Unexpected WebSocket message type: " + message);
		}
		if (!message.isLast()) {
			throw new IllegalArgumentException("Partial messages are not sent on the HMR socket");
		}
		if (!this.open) {
			throw new IOException("The HMR socket " + this.id + " is closed");
		}
		CompletableFuture<@Nullable Void> written = new CompletableFuture<>();
		write(new Frame(opcode, payload, (failure) -> {
			if (failure != null) {
				written.completeExceptionally(failure);
			}
			else {
				written.complete(null);
			}
		}));
		try {
			written.get(this.blockingSendTimeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while sending on the HMR socket " + this.id, ex);
		}
		catch (ExecutionException ex) {
			throw new IOException("A send on the HMR socket " + this.id + " failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IOException("A send on the HMR socket " + this.id + " was not written in time", ex);
		}
	}

	/**
	 * Queue a text message without waiting: {@link AsyncTextSender}'s contract.
	 * @param message the message, whose encoded bytes are written as they are
	 * @param outcome called once, with {@code null} when the message was written, else
	 * what failed
	 */
	void sendText(TextMessage message, Consumer<@Nullable Throwable> outcome) {
		if (!this.open) {
			outcome.accept(new IOException("The HMR socket " + this.id + " is closed"));
			return;
		}
		write(new Frame(encodedText(message), outcome));
	}

	/**
	 * A text message's frame: a broadcast hands the same message to every browser in
	 * turn, and server frames are not masked, so the frame is the same for all of them
	 * and is encoded once. Only the last message's frame is kept, and only a small one.
	 */
	private static byte[] encodedText(TextMessage message) {
		EncodedText last = lastEncodedText;
		if (last != null && last.message() == message) {
			return last.frame();
		}
		byte[] frame = Frame.encode(OPCODE_TEXT, message.asBytes());
		if (frame.length <= MAX_KEPT_FRAME) {
			lastEncodedText = new EncodedText(message, frame);
		}
		return frame;
	}

	@Override
	public void close() throws IOException {
		close(CloseStatus.NORMAL);
	}

	@Override
	public void close(CloseStatus status) throws IOException {
		close(status, true);
	}

	/**
	 * Start the closing handshake: send a close frame, then hang up once the browser
	 * answered with its own, or after {@link #CLOSE_WAIT_MILLIS} at most, or at once when
	 * the browser broke the protocol and nothing more of it is read.
	 */
	private void close(CloseStatus status, boolean waitForAnswer) {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		this.open = false;
		if (status.equalsCode(CloseStatus.NO_CLOSE_FRAME) || this.connection == null) {
			hangUp();
		}
		else {
			write(closeFrame(status, (failure) -> {
				if (failure != null || !waitForAnswer || this.closeReceived) {
					hangUp();
				}
			}));
			// and whether or not the close could be written: a browser that stopped
			// reading keeps neither its connection nor what waits to be written to it
			closeWaiter.execute(this::hangUp);
		}
		notifyClosed(status);
	}

	// Writing

	private void write(Frame frame) {
		boolean queued = false;
		synchronized (this.writeLock) {
			if (!this.outputFailed && !this.hungUp.get()) {
				this.outgoing.add(frame);
				queued = true;
			}
		}
		if (!queued) {
			frame.done(new IOException("The HMR socket " + this.id + " is closed"));
			return;
		}
		drain();
	}

	/**
	 * Write what is queued while the container takes it; report each frame's outcome
	 * outside the lock.
	 */
	private void drain() {
		List<Frame> written = null;
		List<Frame> failed = null;
		IOException failure = null;
		synchronized (this.writeLock) {
			ServletOutputStream out = this.output;
			if (out == null || this.outputFailed) {
				return;
			}
			try {
				while (true) {
					// Every write and flush only once the container said it can take it
					if (!this.outputReady) {
						if (!out.isReady()) {
							// the container calls onWritePossible once it can take more
							break;
						}
						this.outputReady = true;
					}
					if (this.inFlight == null) {
						this.inFlight = this.outgoing.poll();
						if (this.inFlight == null) {
							break;
						}
					}
					if (this.inFlight.isWritten()) {
						written = add(written, this.inFlight);
						this.inFlight = null;
						continue;
					}
					this.outputReady = false;
					this.inFlight.writeNextPart(out);
				}
			}
			catch (IOException | RuntimeException ex) {
				failure = (ex instanceof IOException io) ? io : new IOException(ex);
				failed = takeAllQueued();
			}
		}
		if (written != null) {
			for (Frame frame : written) {
				frame.done(null);
			}
		}
		if (failure != null) {
			for (Frame frame : failed) {
				frame.done(failure);
			}
			failed(failure);
		}
	}

	private static List<Frame> add(@Nullable List<Frame> frames, Frame frame) {
		List<Frame> list = (frames != null) ? frames : new ArrayList<>(4);
		list.add(frame);
		return list;
	}

	private void failQueued(IOException failure) {
		List<Frame> failed;
		synchronized (this.writeLock) {
			failed = takeAllQueued();
		}
		for (Frame frame : failed) {
			frame.done(failure);
		}
	}

	/**
	 * End the output: what is being written and what waits, taken from the queue for
	 * their failure to be reported outside the lock. Called under {@link #writeLock}.
	 */
	private List<Frame> takeAllQueued() {
		this.outputFailed = true;
		List<Frame> taken = new ArrayList<>(this.outgoing.size() + 1);
		if (this.inFlight != null) {
			taken.add(this.inFlight);
			this.inFlight = null;
		}
		taken.addAll(this.outgoing);
		this.outgoing.clear();
		return taken;
	}

	private Frame closeFrame(CloseStatus status, Consumer<@Nullable Throwable> outcome) {
		if (status.equalsCode(CloseStatus.NO_STATUS_CODE)) {
			return new Frame(OPCODE_CLOSE, new byte[0], outcome);
		}
		byte[] reason = truncatedUtf8((status.getReason() != null) ? status.getReason() : "", MAX_CONTROL_PAYLOAD - 2);
		byte[] payload = new byte[2 + reason.length];
		payload[0] = (byte) (status.getCode() >> 8);
		payload[1] = (byte) status.getCode();
		System.arraycopy(reason, 0, payload, 2, reason.length);
		return new Frame(OPCODE_CLOSE, payload, outcome);
	}

	private static byte[] truncatedUtf8(String text, int maxBytes) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= maxBytes) {
			return bytes;
		}
		int end = maxBytes;
		// not inside a character: continuation bytes are 10xxxxxx
		while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
			end--;
		}
		byte[] truncated = new byte[end];
		System.arraycopy(bytes, 0, truncated, 0, end);
		return truncated;
	}

	private static byte[] bytesOf(ByteBuffer buffer) {
		ByteBuffer copy = buffer.duplicate();
		byte[] bytes = new byte[copy.remaining()];
		copy.get(bytes);
		return bytes;
	}

	// Ending

	/** A read or write failed, or the browser went away without a close. */
	private void failed(Throwable failure) {
		if (logger.isTraceEnabled()) {
			logger.trace("HMR socket " + this.id + " failed", failure);
		}
		this.open = false;
		this.closing.set(true);
		hangUp();
		notifyClosed(CloseStatus.NO_CLOSE_FRAME);
	}

	private void hangUp() {
		if (!this.hungUp.compareAndSet(false, true)) {
			return;
		}
		this.open = false;
		failQueued(new IOException("The HMR socket " + this.id + " is closed"));
		WebConnection connection = this.connection;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (Exception ex) {
				logger.trace("Failed to close the connection of HMR socket " + this.id, ex);
			}
			ServletOutputStream out;
			synchronized (this.writeLock) {
				out = this.output;
			}
			if (out != null) {
				TomcatSockets.close(out);
			}
		}
	}

	private void notifyClosed(CloseStatus status) {
		if (!this.closedNotified.compareAndSet(false, true)) {
			return;
		}
		try {
			this.handler.afterConnectionClosed(this, status);
		}
		catch (Exception ex) {
			logger.warn("The HMR socket's handler failed on closing " + this.id, ex);
		}
	}

	/** The browser broke the protocol: close with a status that says how. */
	private void protocolError(CloseStatus status, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Closing HMR socket " + this.id + ": " + reason);
		}
		this.reader.stopped = true;
		close(status, false);
	}

	/** The browser's close frame arrived. */
	private void closeReceived(byte[] payload, int length) {
		this.closeReceived = true;
		this.reader.stopped = true;
		CloseStatus status;
		if (length == 0) {
			status = CloseStatus.NO_STATUS_CODE;
		}
		else {
			int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
			if (code < 1000 || code >= 5000 || code == 1005 || code == 1006 || code == 1015) {
				protocolError(CloseStatus.PROTOCOL_ERROR, "a close frame with code " + code);
				return;
			}
			String reason;
			try {
				reason = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload, 2, length - 2)).toString();
			}
			catch (CharacterCodingException ex) {
				protocolError(CloseStatus.BAD_DATA, "a close reason that is not UTF-8");
				return;
			}
			status = new CloseStatus(code, reason);
		}
		this.open = false;
		if (this.closing.compareAndSet(false, true)) {
			// answer with the same code, then hang up
			write(closeFrame(status.equalsCode(CloseStatus.NO_STATUS_CODE) ? CloseStatus.NO_STATUS_CODE
					: new CloseStatus(status.getCode()), (failure) -> hangUp()));
		}
		else {
			hangUp();
		}
		notifyClosed(status);
	}

	private void deliver(WebSocketMessage<?> message) {
		try {
			this.handler.handleMessage(this, message);
		}
		catch (Exception ex) {
			logger.warn("The HMR socket's handler failed on a message from " + this.id, ex);
			close(CloseStatus.SERVER_ERROR, true);
		}
	}

	@Override
	public String toString() {
		return "UpgradedWebSocketSession[id=" + this.id + ", uri=" + this.uri.getPath() + "]";
	}

	/**
	 * A frame to write, with whom to tell once written.
	 */
	private static final class Frame {

		private final byte[] bytes;

		private final Consumer<@Nullable Throwable> outcome;

		/** The steps done so far: the write, the flush. */
		private int written;

		Frame(int opcode, byte[] payload, Consumer<@Nullable Throwable> outcome) {
			this(encode(opcode, payload), outcome);
		}

		Frame(byte[] bytes, Consumer<@Nullable Throwable> outcome) {
			this.bytes = bytes;
			this.outcome = outcome;
		}

		/**
		 * A final, unmasked frame (server frames are never masked): its header, then its
		 * payload.
		 */
		static byte[] encode(int opcode, byte[] payload) {
			int length = payload.length;
			int headerLength = (length <= 125) ? 2 : (length <= 0xFFFF) ? 4 : 10;
			byte[] frame = new byte[headerLength + length];
			frame[0] = (byte) (0x80 | opcode);
			if (headerLength == 2) {
				frame[1] = (byte) length;
			}
			else if (headerLength == 4) {
				frame[1] = 126;
				frame[2] = (byte) (length >> 8);
				frame[3] = (byte) length;
			}
			else {
				frame[1] = 127;
				for (int i = 0; i < 8; i++) {
					frame[9 - i] = (byte) (((long) length) >> (8 * i));
				}
			}
			System.arraycopy(payload, 0, frame, headerLength, length);
			return frame;
		}

		/**
		 * Write the frame, or flush it: one at a time, since the container takes a write
		 * only after it said it can ({@code isReady()}).
		 */
		void writeNextPart(ServletOutputStream out) throws IOException {
			if (this.written++ == 0) {
				out.write(this.bytes);
			}
			else {
				out.flush();
			}
		}

		boolean isWritten() {
			return this.written > 1;
		}

		void done(@Nullable Throwable failure) {
			try {
				this.outcome.accept(failure);
			}
			catch (RuntimeException ex) {
				logger.debug("A send's outcome handler failed", ex);
			}
		}

	}

	/**
	 * A text message and its frame.
	 */
	private record EncodedText(TextMessage message, byte[] frame) {

	}

	/**
	 * The container says the output can take more.
	 */
	private final class Writer implements WriteListener {

		@Override
		public void onWritePossible() {
			drain();
		}

		@Override
		public void onError(Throwable failure) {
			failQueued((failure instanceof IOException io) ? io : new IOException(failure));
			failed(failure);
		}

	}

	/**
	 * Parses the browser's frames as their bytes arrive; the container calls it from one
	 * thread at a time.
	 */
	private final class Reader implements ReadListener {

		/**
		 * The frame header read so far: 2 bytes, a 2- or 8-byte length, a 4-byte mask.
		 */
		private final byte[] header = new byte[14];

		private int headerRead;

		private int headerLength;

		private boolean inPayload;

		private boolean fin;

		private int opcode;

		private long remaining;

		private int maskIndex;

		/** The opcode of the data message in progress (text or binary), else 0. */
		private int messageOpcode;

		private byte @Nullable [] control;

		private int controlLength;

		private @Nullable CharsetDecoder decoder;

		/** Whether the last part of the text message in progress was handed over. */
		private boolean lastDelivered;

		/** The bytes of a character split between two reads (at most 3). */
		private final byte[] carry = new byte[4];

		private int carryLength;

		/** Set when the browser may send nothing more that is read. */
		volatile boolean stopped;

		@Override
		public void onDataAvailable() {
			ServletInputStream in = UpgradedWebSocketSession.this.input;
			if (in == null) {
				return;
			}
			byte[] buffer = null;
			try {
				while (!this.stopped && in.isReady()) {
					if (buffer == null) {
						buffer = new byte[READ_BUFFER_SIZE];
					}
					int read = in.read(buffer);
					if (read < 0) {
						endOfInput();
						return;
					}
					consume(buffer, read);
				}
			}
			catch (IOException | RuntimeException ex) {
				failed(ex);
			}
		}

		@Override
		public void onAllDataRead() {
			endOfInput();
		}

		@Override
		public void onError(Throwable failure) {
			failed(failure);
		}

		private void endOfInput() {
			this.stopped = true;
			if (UpgradedWebSocketSession.this.closeReceived) {
				hangUp();
			}
			else {
				failed(new IOException("The browser closed the connection without a close frame"));
			}
		}

		private void consume(byte[] buffer, int length) {
			int offset = 0;
			while (offset < length && !this.stopped) {
				if (!this.inPayload) {
					this.header[this.headerRead++] = buffer[offset++];
					if (this.headerRead == 2 && !startHeader()) {
						return;
					}
					if (this.headerRead >= 2 && this.headerRead == this.headerLength && !startPayload()) {
						return;
					}
					continue;
				}
				int take = (int) Math.min(this.remaining, length - offset);
				int mask = this.headerLength - 4;
				for (int i = offset; i < offset + take; i++) {
					buffer[i] ^= this.header[mask + (this.maskIndex++ & 3)];
				}
				this.remaining -= take;
				payload(buffer, offset, take);
				offset += take;
				if (this.remaining == 0 && !this.stopped) {
					endFrame();
				}
			}
		}

		/**
		 * The first two bytes of a frame are in: check them and learn the header's
		 * length.
		 */
		private boolean startHeader() {
			int first = this.header[0] & 0xFF;
			int second = this.header[1] & 0xFF;
			this.fin = (first & 0x80) != 0;
			this.opcode = first & 0x0F;
			if ((first & 0x70) != 0) {
				return fail(CloseStatus.PROTOCOL_ERROR, "reserved bits set, and no extension was agreed");
			}
			if ((second & 0x80) == 0) {
				return fail(CloseStatus.PROTOCOL_ERROR, "an unmasked frame from a client");
			}
			int length7 = second & 0x7F;
			boolean controlFrame = (this.opcode & 0x08) != 0;
			if (controlFrame) {
				if (this.opcode > OPCODE_PONG) {
					return fail(CloseStatus.PROTOCOL_ERROR, "unknown opcode " + this.opcode);
				}
				if (!this.fin || length7 > MAX_CONTROL_PAYLOAD) {
					return fail(CloseStatus.PROTOCOL_ERROR, "a control frame in parts or longer than 125 bytes");
				}
			}
			else if (this.opcode == OPCODE_CONTINUATION) {
				if (this.messageOpcode == 0) {
					return fail(CloseStatus.PROTOCOL_ERROR, "a continuation frame with no message to continue");
				}
			}
			else if (this.opcode == OPCODE_TEXT || this.opcode == OPCODE_BINARY) {
				if (this.messageOpcode != 0) {
					return fail(CloseStatus.PROTOCOL_ERROR, "a new message before the last one ended");
				}
			}
			else {
				return fail(CloseStatus.PROTOCOL_ERROR, "unknown opcode " + this.opcode);
			}
			this.headerLength = 2 + ((length7 == 126) ? 2 : (length7 == 127) ? 8 : 0) + 4;
			return true;
		}

		/** The whole header is in: the payload follows. */
		private boolean startPayload() {
			int length7 = this.header[1] & 0x7F;
			long length;
			if (length7 == 126) {
				length = ((this.header[2] & 0xFF) << 8) | (this.header[3] & 0xFF);
			}
			else if (length7 == 127) {
				length = 0;
				for (int i = 2; i < 10; i++) {
					length = (length << 8) | (this.header[i] & 0xFF);
				}
				if (length < 0) {
					return fail(CloseStatus.PROTOCOL_ERROR, "a frame length over 2^63");
				}
			}
			else {
				length = length7;
			}
			this.remaining = length;
			this.maskIndex = 0;
			this.headerRead = 0;
			this.inPayload = true;
			if ((this.opcode & 0x08) != 0) {
				this.controlLength = 0;
				if (this.control == null && length > 0) {
					this.control = new byte[MAX_CONTROL_PAYLOAD];
				}
			}
			else if (this.opcode != OPCODE_CONTINUATION) {
				this.messageOpcode = this.opcode;
			}
			if (length == 0) {
				endFrame();
			}
			return !this.stopped;
		}

		private void payload(byte[] buffer, int offset, int length) {
			if ((this.opcode & 0x08) != 0) {
				System.arraycopy(buffer, offset, this.control, this.controlLength, length);
				this.controlLength += length;
			}
			else if (this.messageOpcode == OPCODE_TEXT) {
				text(buffer, offset, length, this.fin && this.remaining == 0);
			}
			// binary payloads are not kept: HMR takes no binary messages
		}

		/**
		 * Decode a piece of a text message and hand it over; the bytes of a character
		 * split between pieces wait for the next one.
		 */
		private void text(byte[] buffer, int offset, int length, boolean last) {
			CharsetDecoder decoder = this.decoder;
			if (decoder == null) {
				decoder = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
				this.decoder = decoder;
			}
			ByteBuffer in;
			if (this.carryLength > 0) {
				byte[] joined = new byte[this.carryLength + length];
				System.arraycopy(this.carry, 0, joined, 0, this.carryLength);
				System.arraycopy(buffer, offset, joined, this.carryLength, length);
				in = ByteBuffer.wrap(joined);
				this.carryLength = 0;
			}
			else {
				in = ByteBuffer.wrap(buffer, offset, length);
			}
			CharBuffer out = CharBuffer.allocate(in.remaining());
			CoderResult result = decoder.decode(in, out, last);
			if (result.isError() || (last && (in.hasRemaining() || decoder.flush(out).isError()))) {
				fail(CloseStatus.BAD_DATA, "a text message that is not UTF-8");
				return;
			}
			if (in.hasRemaining()) {
				this.carryLength = in.remaining();
				in.get(this.carry, 0, this.carryLength);
			}
			out.flip();
			if (last) {
				decoder.reset();
				deliver(new TextMessage(out.toString(), true));
				this.lastDelivered = true;
			}
			else if (out.hasRemaining()) {
				deliver(new TextMessage(out.toString(), false));
			}
		}

		private void endFrame() {
			this.inPayload = false;
			this.headerRead = 0;
			switch (this.opcode) {
				case OPCODE_CLOSE -> {
					if (this.controlLength == 1) {
						fail(CloseStatus.PROTOCOL_ERROR, "a close frame of one byte");
						return;
					}
					closeReceived((this.control != null) ? this.control : new byte[0], this.controlLength);
				}
				case OPCODE_PING -> {
					byte[] payload = new byte[this.controlLength];
					if (this.controlLength > 0) {
						System.arraycopy(this.control, 0, payload, 0, this.controlLength);
					}
					if (UpgradedWebSocketSession.this.open) {
						write(new Frame(OPCODE_PONG, payload, (failure) -> {
						}));
					}
				}
				case OPCODE_PONG -> {
					// unsolicited or not, nothing to do
				}
				default -> {
					if (!this.fin) {
						return;
					}
					if (this.messageOpcode == OPCODE_TEXT && !this.lastDelivered) {
						// an empty last frame
						text(this.header, 0, 0, true);
					}
					else if (this.messageOpcode == OPCODE_BINARY) {
						deliver(new BinaryMessage(new byte[0], true));
					}
					this.lastDelivered = false;
					this.messageOpcode = 0;
				}
			}
		}

		private boolean fail(CloseStatus status, String reason) {
			protocolError(status.withReason(reason), reason);
			return false;
		}

	}

}
