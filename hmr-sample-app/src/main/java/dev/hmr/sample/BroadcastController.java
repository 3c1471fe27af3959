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

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hmr.channel.ServerHotChannel;

/**
 * Sends a custom event to every browser on the HMR socket, which pages receive with
 * {@code import.meta.hot.on('sample:message', data => …)}.
 * <p>
 * In the packaged jar, where HMR is off, the channel is the API's inert one: the
 * broadcast reaches no browser.
 * <p>
 * It changes what every open page shows, so it takes JSON only
 * ({@code Content-Type: application/json}): a page on another site can post a form here
 * (urlencoded, multipart or plain text) without asking, but not JSON, which needs a CORS
 * preflight this application never grants. A form post gets {@code 415} and sends
 * nothing.
 */
@RestController
class BroadcastController {

	static final String EVENT = "sample:message";

	private final ServerHotChannel channel;

	BroadcastController(ServerHotChannel channel) {
		this.channel = channel;
	}

	@PostMapping(path = "/api/broadcast", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> broadcast(@RequestBody Broadcast broadcast) {
		String message = broadcast.message();
		if (message == null || message.isBlank() || message.length() > Broadcast.MAX_LENGTH) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "message must be a text of 1 to " + Broadcast.MAX_LENGTH + " characters"));
		}
		this.channel.send(EVENT, Map.of("message", message));
		return ResponseEntity.accepted().body(Map.of("event", EVENT, "browsers", this.channel.clients().size()));
	}

	/**
	 * What a broadcast carries.
	 *
	 * @param message the text every page shows
	 */
	record Broadcast(@Nullable String message) {

		static final int MAX_LENGTH = 500;

	}

}
