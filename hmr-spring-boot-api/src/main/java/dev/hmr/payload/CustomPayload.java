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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@code {"type":"custom","event":…,"data":…}}: an application event, in either
 * direction.
 *
 * @param event the event name
 * @param data any value Jackson can write as JSON, or absent
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "event", "data" })
public record CustomPayload(String event, @Nullable Object data) implements HotPayload {

	public CustomPayload {
		Assert.hasText(event, "'event' must not be empty");
	}

	@Override
	public Type type() {
		return Type.CUSTOM;
	}

}
