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

import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for the argument checks of the payload types and {@link HotPayloadCodec}: a
 * payload Vite's client could not read is refused when it is built, not when it is sent.
 */
class PayloadArgumentsTests {

	@ParameterizedTest
	@MethodSource("invalidArguments")
	void invalidArgumentIsRefusedWithItsName(Executable construction, String message) {
		assertThatIllegalArgumentException().isThrownBy(construction::execute).withMessage(message);
	}

	static Stream<Arguments> invalidArguments() {
		return Stream.of(
				invalid("update without a type", () -> new Update(null, 1L, "/a.js", "/a.js", false, false, null, null),
						"'type' must not be null"),
				invalid("update with an empty path", () -> Update.js(1L, "", "/a.js"), "'path' must not be empty"),
				invalid("update with an empty accepted path", () -> Update.js(1L, "/a.js", ""),
						"'acceptedPath' must not be empty"),
				invalid("update payload without updates", () -> new UpdatePayload(null), "'updates' must not be null"),
				invalid("prune payload without paths", () -> new PrunePayload(null), "'paths' must not be null"),
				invalid("custom payload with an empty event", () -> new CustomPayload("", null),
						"'event' must not be empty"),
				invalid("error payload without an error", () -> new ErrorPayload(null), "'err' must not be null"),
				invalid("error without a message", () -> HotError.of(null, ""), "'message' must not be null"),
				invalid("error without a stack", () -> HotError.of("boom", null), "'stack' must not be null"),
				invalid("codec without a mapper", () -> new HotPayloadCodec((JsonMapper) null),
						"'mapper' must not be null"),
				invalid("codec writing no payload", () -> new HotPayloadCodec().write(null),
						"'payload' must not be null"));
	}

	private static Arguments invalid(String name, Executable construction, String message) {
		return argumentSet(name, construction, message);
	}

}
