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
import tools.jackson.databind.JsonNode;

import org.springframework.context.event.EventListener;
import org.springframework.core.log.LogFormatUtils;
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

	static final int MAX_NAME_LENGTH = 100;

	BrowserMessages(ServerHotChannel channel) {
		channel.on(HELLO, (data, client) -> {
			// Anyone who can reach the socket writes this: check it rather than let a
			// number, an object or a megabyte through
			JsonNode name = (data != null) ? data.get("name") : null;
			if (name == null || name.isNull()) {
				client.send(REPLY, Map.of("greeting", "Hello, stranger!"));
			}
			else if (!name.isString() || name.asString().isBlank() || name.asString().length() > MAX_NAME_LENGTH) {
				logger.info("Ignored a " + HELLO + " whose name is not a text of 1 to " + MAX_NAME_LENGTH
						+ " characters, from browser " + client.socket().id());
				client.send(REPLY, Map.of("error", "name must be a text of 1 to " + MAX_NAME_LENGTH + " characters"));
			}
			else {
				client.send(REPLY, Map.of("greeting", "Hello, " + name.asString() + "!"));
			}
		});
	}

	@EventListener
	void log(HotClientMessageEvent event) {
		// The event's name and data come from the browser: no line breaks or control
		// characters into the log, and not too much of it
		logger.info("Browser " + event.getClient().socket().id() + " sent "
				+ LogFormatUtils.formatValue(event.getEvent(), 100, true) + ": "
				+ LogFormatUtils.formatValue(event.getData(), 200, true));
	}

}
