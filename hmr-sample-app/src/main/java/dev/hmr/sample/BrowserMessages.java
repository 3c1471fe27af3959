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

package dev.hmr.sample;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hmr.channel.HotClientMessageEvent;
import dev.hmr.channel.ServerHotChannel;

/**
 * Listens to what browsers send: {@code sample:hello} (from
 * {@code import.meta.hot.send('sample:hello', {name})}) is answered to that browser only,
 * and every custom message is logged as it is published as an application event.
 */
@Component
class BrowserMessages {

	static final String HELLO = "sample:hello";

	static final String REPLY = "sample:reply";

	private static final Log logger = LogFactory.getLog(BrowserMessages.class);

	BrowserMessages(ServerHotChannel channel) {
		channel.on(HELLO, (data, client) -> {
			String name = (data != null && data.has("name")) ? data.get("name").asString() : "stranger";
			client.send(REPLY, Map.of("greeting", "Hello, " + name + "!"));
		});
	}

	@EventListener
	void log(HotClientMessageEvent event) {
		logger.info(
				"Browser " + event.getClient().socket().id() + " sent '" + event.getEvent() + "': " + event.getData());
	}

}
