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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hmr.channel.HotClientConnectedEvent;
import dev.hmr.channel.HotClientDisconnectedEvent;
import dev.hmr.watch.FileChangeEvent;

/**
 * Logs what HMR publishes as Spring application events: browsers connecting to and
 * leaving the HMR socket, and every saved source file. Any bean can listen to them with
 * {@code @EventListener}, as here. The event types are in the API, so the bean also
 * exists in the packaged jar, where nothing publishes them.
 */
@Component
class HmrEventLog {

	private static final Log logger = LogFactory.getLog(HmrEventLog.class);

	@EventListener
	void connected(HotClientConnectedEvent event) {
		logger.info("Browser " + event.getClient().socket().id() + " connected");
	}

	@EventListener
	void disconnected(HotClientDisconnectedEvent event) {
		logger.info("Browser " + event.getClient().socket().id() + " disconnected");
	}

	@EventListener
	void fileChanged(FileChangeEvent event) {
		// One event per save, however many writes and renames the editor made
		logger.info(event.getKind() + " " + event.getRoot().relativize(event.getPath()));
	}

}
