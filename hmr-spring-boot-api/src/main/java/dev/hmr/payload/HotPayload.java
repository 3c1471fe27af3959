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

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message from the server to the browser, one of Vite's closed set. Serialised with
 * {@link HotPayloadCodec}, it is the JSON Vite's own client expects: a {@code type}
 * discriminator, camelCase names, absent optional fields omitted.
 *
 * @since 0.1.0
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ConnectedPayload.class, name = "connected"),
		@JsonSubTypes.Type(value = PingPayload.class, name = "ping"),
		@JsonSubTypes.Type(value = UpdatePayload.class, name = "update"),
		@JsonSubTypes.Type(value = FullReloadPayload.class, name = "full-reload"),
		@JsonSubTypes.Type(value = PrunePayload.class, name = "prune"),
		@JsonSubTypes.Type(value = ErrorPayload.class, name = "error"),
		@JsonSubTypes.Type(value = CustomPayload.class, name = "custom") })
public sealed interface HotPayload permits ConnectedPayload, PingPayload, UpdatePayload, FullReloadPayload,
		PrunePayload, ErrorPayload, CustomPayload {

	/**
	 * The payload's type, for an exhaustive {@code switch}.
	 * @return the type
	 */
	@JsonIgnore
	Type type();

	/**
	 * The types of payload, with the names Vite writes in the {@code type} field.
	 */
	enum Type {

		CONNECTED("connected"), PING("ping"), UPDATE("update"), FULL_RELOAD("full-reload"), PRUNE("prune"),
		ERROR("error"), CUSTOM("custom");

		private final String value;

		Type(String value) {
			this.value = value;
		}

		/**
		 * The name Vite uses on the wire.
		 * @return the name
		 */
		public String value() {
			return this.value;
		}

	}

}
