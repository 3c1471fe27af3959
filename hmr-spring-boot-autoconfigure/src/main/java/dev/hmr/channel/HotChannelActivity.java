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

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;

/**
 * What a {@link WebSocketServerHotChannel} has sent since it started: payloads by type,
 * browsers cut off for not keeping up, and the last error. Read by the Actuator endpoint
 * and the Micrometer meters; counting costs an addition per payload.
 */
public final class HotChannelActivity {

	private final Map<HotPayload.Type, LongAdder> sent = new EnumMap<>(HotPayload.Type.class);

	private final LongAdder slowClientsCutOff = new LongAdder();

	private final AtomicReference<@Nullable SentError> lastError = new AtomicReference<>();

	HotChannelActivity() {
		for (HotPayload.Type type : HotPayload.Type.values()) {
			this.sent.put(type, new LongAdder());
		}
	}

	/**
	 * How many payloads of a type were handed to browsers' sockets, one per browser.
	 * @param type the type of payload
	 * @return the count
	 */
	public long sent(HotPayload.Type type) {
		return this.sent.get(type).sum();
	}

	/**
	 * How many browsers were disconnected because they did not keep up with what was sent
	 * to them ({@code hmr.send-time-limit}, {@code hmr.send-buffer-size-limit}).
	 * @return the count
	 */
	public long slowClientsCutOff() {
		return this.slowClientsCutOff.sum();
	}

	/**
	 * The last {@code error} payload sent, whether or not a browser was connected.
	 * @return the error, or {@code null} if none was sent
	 */
	public @Nullable SentError lastError() {
		return this.lastError.get();
	}

	void payloadSent(HotPayload.Type type) {
		this.sent.get(type).increment();
	}

	void slowClientCutOff() {
		this.slowClientsCutOff.increment();
	}

	void errorSent(HotError error) {
		this.lastError.set(new SentError(error, Instant.now()));
	}

	/**
	 * An error payload and when it was sent.
	 *
	 * @param error the error as browsers got it
	 * @param at when it was sent
	 */
	public record SentError(HotError error, Instant at) {

	}

}
