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

import java.util.function.Consumer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.TextMessage;

/**
 * A container's own non-blocking text send, for the sessions whose container has one: the
 * message is handed to the container, which writes what the socket takes and the rest
 * when the socket is writable again, and reports the outcome once. No thread waits for a
 * slow browser, and a fan-out to many browsers costs one hand-over per browser on the
 * sending thread instead of a thread per browser.
 */
@FunctionalInterface
interface AsyncTextSender {

	/**
	 * Hand a message to the container; call again only after the previous one's outcome
	 * was reported.
	 * @param message the message
	 * @param outcome called once, with {@code null} when the message was written, else
	 * what failed
	 */
	void sendText(TextMessage message, Consumer<@Nullable Throwable> outcome);

	/**
	 * The Jakarta WebSocket session's asynchronous remote (Tomcat, Undertow), without the
	 * container's send timeout: the client keeps the send time limit itself
	 * ({@link WebSocketHotChannelClient#checkSendTime}). Tomcat registers every send that
	 * has a timeout with its write-timeout set and, for the first one, with its
	 * background process manager, under a lock its background thread shares: that cost a
	 * fan-out to 2,000 browsers a skip-list insertion and removal per browser, and made
	 * the {@code connected} frame of a new browser wait up to tens of milliseconds (p99)
	 * for that lock.
	 * @param session the session
	 * @return the sender
	 */
	static AsyncTextSender of(Session session) {
		RemoteEndpoint.Async remote = session.getAsyncRemote();
		// not the container's default either: -1 is no timeout
		remote.setSendTimeout(-1);
		return (message, outcome) -> remote.sendText(message.getPayload(),
				(result) -> outcome.accept(result.isOK() ? null : result.getException()));
	}

}
