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

package dev.hmr.payload;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Reads and writes the JSON of the HMR socket, exactly as Vite does.
 *
 * @since 0.1.0
 */
public final class HotPayloadCodec {

	private final JsonMapper mapper;

	private final ObjectWriter writer;

	/**
	 * A codec with its own mapper.
	 */
	public HotPayloadCodec() {
		this(JsonMapper.builder().build());
	}

	/**
	 * A codec that reads and writes with the given mapper. Its settings apply to the
	 * whole frame, not only to custom data: a naming strategy or an inclusion rule that
	 * changes the payloads' own fields breaks Vite's client.
	 * @param mapper the mapper
	 */
	public HotPayloadCodec(JsonMapper mapper) {
		Assert.notNull(mapper, "'mapper' must not be null");
		this.mapper = mapper;
		this.writer = mapper.writerFor(HotPayload.class);
	}

	/**
	 * Write a payload as JSON text.
	 * @param payload the payload
	 * @return the JSON
	 */
	public String write(HotPayload payload) {
		Assert.notNull(payload, "'payload' must not be null");
		return this.writer.writeValueAsString(payload);
	}

	/**
	 * Read a server payload from JSON text (for tests and tools that talk to a server).
	 * @param json the JSON
	 * @return the payload
	 * @throws JacksonException if the text is not a known payload
	 */
	public HotPayload read(String json) {
		return this.mapper.readValue(json, HotPayload.class);
	}

	/**
	 * Read a message a browser sent. Only Vite's {@code custom} envelope carries anything
	 * for listeners; {@code ping} and anything else yield empty.
	 * @param json the frame's text
	 * @return the custom message, with its data as a {@link JsonNode} ({@code null} when
	 * absent or JSON {@code null}, as Vite's listeners see {@code undefined}), or empty
	 * @throws MalformedClientMessageException if the text is not JSON, or is a custom
	 * message without a string {@code event}
	 */
	public Optional<CustomPayload> readClientMessage(String json) {
		JsonNode root;
		try {
			root = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedClientMessageException("not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new MalformedClientMessageException("not a JSON object", null);
		}
		JsonNode type = root.get("type");
		if (type == null || !type.isString()) {
			throw new MalformedClientMessageException("no string 'type'", null);
		}
		if (!"custom".equals(type.asString())) {
			return Optional.empty();
		}
		JsonNode event = root.get("event");
		if (event == null || !event.isString() || event.asString().isEmpty()) {
			throw new MalformedClientMessageException("custom message without a string 'event'", null);
		}
		JsonNode data = root.get("data");
		return Optional.of(new CustomPayload(event.asString(), (data != null && !data.isNull()) ? data : null));
	}

	/**
	 * The mapper, for converting custom data to application types.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

}
