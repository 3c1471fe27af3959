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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.PingPayload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryServerHotChannel}.
 */
class InMemoryServerHotChannelTests {

	private final InMemoryServerHotChannel channel = new InMemoryServerHotChannel();

	@Test
	void recordsBroadcastsInOrder() {
		this.channel.send(FullReloadPayload.page("/index.html"));
		this.channel.send("my:event", "data");
		assertThat(this.channel.sent()).extracting(HotPayload::type)
			.containsExactly(HotPayload.Type.FULL_RELOAD, HotPayload.Type.CUSTOM);
	}

	@Test
	void takeSentForgetsWhatItReturned() {
		this.channel.send(FullReloadPayload.page("/index.html"));
		assertThat(this.channel.takeSent()).hasSize(1);
		assertThat(this.channel.takeSent()).isEmpty();
		assertThat(this.channel.sent()).isEmpty();
	}

	@Test
	void aPayloadForOneClientIsRecordedByThatClientOnly() {
		InMemoryServerHotChannel.Client one = this.channel.connect();
		InMemoryServerHotChannel.Client other = this.channel.connect();
		this.channel.send(one, PingPayload.INSTANCE);
		assertThat(one.sent()).containsExactly(PingPayload.INSTANCE);
		assertThat(other.sent()).isEmpty();
		assertThat(this.channel.sent()).isEmpty();
	}

	@Test
	void connectingAndClosingAClientIsAnnouncedUnderEitherName() {
		List<String> events = new ArrayList<>();
		this.channel.on(ServerHotChannel.CONNECTION,
				(data, client) -> events.add("connection " + client.socket().id()));
		this.channel.on(ServerHotChannel.VITE_CLIENT_DISCONNECT,
				(data, client) -> events.add("disconnect " + client.socket().id()));
		InMemoryServerHotChannel.Client client = this.channel.connect();
		assertThat(this.channel.clients()).containsExactly(client);
		client.close();
		client.close();
		assertThat(events).containsExactly("connection " + client.socket().id(), "disconnect " + client.socket().id());
		assertThat(this.channel.clients()).isEmpty();
		assertThat(client.isOpen()).isFalse();
	}

	@Test
	void aReceivedMessageReachesTheListenersOfItsEventWithItsClient() {
		List<String> received = new ArrayList<>();
		HotChannelListener listener = (data, client) -> received
			.add(client.socket().id() + " " + ((data != null) ? data.path("n").asInt() : -1));
		this.channel.on("my:event", listener);
		InMemoryServerHotChannel.Client client = this.channel.connect();
		JsonNode data = JsonMapper.shared().readTree("{\"n\":1}");
		this.channel.receive(client, "my:event", data);
		this.channel.receive(client, "other:event", data);
		this.channel.off("my:event", listener);
		this.channel.receive(client, "my:event", data);
		assertThat(received).containsExactly(client.socket().id() + " 1");
	}

	@Test
	void aClientCannotSendTheServersConnectionEvents() {
		InMemoryServerHotChannel.Client client = this.channel.connect();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.channel.receive(client, ServerHotChannel.VITE_CLIENT_CONNECT, null))
			.withMessageContaining("vite:client:connect");
	}

	@Test
	void closeDisconnectsEveryClientAndDropsLaterPayloads() {
		InMemoryServerHotChannel.Client client = this.channel.connect();
		this.channel.close();
		this.channel.send(PingPayload.INSTANCE);
		client.send(PingPayload.INSTANCE);
		assertThat(client.isOpen()).isFalse();
		assertThat(this.channel.sent()).isEmpty();
		assertThat(client.sent()).isEmpty();
	}

}
