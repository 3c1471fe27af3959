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

package dev.hmr.playground;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.hmr.browser.Browser;
import dev.hmr.channel.HotChannelClient;
import dev.hmr.channel.ServerHotChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom events both ways between {@link ServerHotChannel} and {@code import.meta.hot}
 * (playground {@code custom}).
 */
class CustomEventsBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Autowired
	private ServerHotChannel channel;

	@Test
	void aServerEventReachesTheModulesListenerAndABrowserEventReachesTheServersListener(Browser browser) {
		record Received(JsonNode data, HotChannelClient client) {
		}

		List<Received> received = new CopyOnWriteArrayList<>();
		this.channel.on("my:from-browser", (data, client) -> received.add(new Received(data, client)));
		open(browser, "/custom/index.html");

		browser.await().alias("my:from-browser on the server").until(() -> !received.isEmpty());
		Received event = received.get(0);
		assertThat(event.data().get("n").asInt()).isEqualTo(1);
		assertThat(this.channel.clients()).extracting((client) -> client.socket().id())
			.contains(event.client().socket().id());

		this.channel.send("my:event", Map.of("msg", "hi"));

		browser.awaitText(".custom", "hi");
	}

}
