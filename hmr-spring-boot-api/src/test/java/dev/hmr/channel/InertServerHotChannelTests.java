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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotPayload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InertServerHotChannel}.
 */
class InertServerHotChannelTests {

	private final InertServerHotChannel channel = new InertServerHotChannel();

	@Test
	void hasNoClients() {
		assertThat(this.channel.clients()).isEmpty();
	}

	@Test
	void sendsReachNoOneAndDoNotFail() {
		this.channel.send(FullReloadPayload.page("/index.html"));
		this.channel.send("app:message", Map.of("text", "hi"));
		this.channel.send("app:nothing", null);
		assertThat(this.channel.clients()).isEmpty();
	}

	@Test
	void sendingToAClientDoesNotReachIt() {
		RecordingClient client = new RecordingClient();
		this.channel.send(client, FullReloadPayload.page("/index.html"));
		assertThat(client.sent).isEmpty();
	}

	@Test
	void acceptsListenersAndNeverCallsThem() {
		List<String> heard = new ArrayList<>();
		HotChannelListener listener = (data, client) -> heard.add(String.valueOf(data));
		for (String event : List.of(ServerHotChannel.CONNECTION, ServerHotChannel.DISCONNECT,
				ServerHotChannel.VITE_CLIENT_CONNECT, "app:message")) {
			this.channel.on(event, listener);
		}
		this.channel.send("app:message", Map.of("text", "hi"));
		this.channel.send(new RecordingClient(), FullReloadPayload.page("/index.html"));
		this.channel.close();
		this.channel.off("app:message", listener);
		assertThat(heard).isEmpty();
	}

	@Test
	void startsNoThread() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long startedBefore = threads.getTotalStartedThreadCount();
		InertServerHotChannel channel = new InertServerHotChannel();
		channel.on("app:message", (data, client) -> {
		});
		channel.send("app:message", Map.of("text", "hi"));
		channel.close();
		assertThat(threads.getTotalStartedThreadCount()).isEqualTo(startedBefore);
	}

	@Test
	void staysInertAfterClose() {
		this.channel.close();
		this.channel.close();
		this.channel.send(FullReloadPayload.page("/index.html"));
		assertThat(this.channel.clients()).isEmpty();
	}

	@Test
	void rejectsWhatTheWebSocketChannelRejects() {
		HotChannelListener listener = (data, client) -> {
		};
		assertThatIllegalArgumentException().isThrownBy(() -> this.channel.send((HotPayload) null))
			.withMessage("'payload' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.channel.send((HotChannelClient) null, FullReloadPayload.page("/index.html")))
			.withMessage("'client' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.channel.on("", listener))
			.withMessage("'event' must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> this.channel.off("app:message", null))
			.withMessage("'listener' must not be null");
	}

	static final class RecordingClient implements HotChannelClient {

		final List<HotPayload> sent = new ArrayList<>();

		@Override
		public void send(HotPayload payload) {
			this.sent.add(payload);
		}

		@Override
		public void close() {
		}

		@Override
		public boolean isOpen() {
			return true;
		}

		@Override
		public HotChannelSocket socket() {
			return new HotChannelSocket("1", null, URI.create("ws://localhost/@hmr"), Map.of());
		}

	}

}
