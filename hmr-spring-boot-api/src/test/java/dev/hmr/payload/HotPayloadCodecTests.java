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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HotPayloadCodec}: every JSON text below is a frame Vite 8.3.8 sent or
 * received (VITE-HMR-REFERENCE §2.4 and §2.5), compared byte for byte.
 */
class HotPayloadCodecTests {

	private final HotPayloadCodec codec = new HotPayloadCodec();

	@Test
	void writesConnected() {
		assertWrittenAndReadBack(ConnectedPayload.INSTANCE, "{\"type\":\"connected\"}");
	}

	@Test
	void writesPing() {
		assertWrittenAndReadBack(PingPayload.INSTANCE, "{\"type\":\"ping\"}");
	}

	@Test
	void writesCssUpdateOfALinkedStylesheet() {
		assertWrittenAndReadBack(new UpdatePayload(List.of(Update.css(1795541174667L, "/link.css?direct"))),
				"{\"type\":\"update\",\"updates\":[{\"type\":\"css-update\",\"timestamp\":1795541174667,"
						+ "\"path\":\"/link.css?direct\",\"acceptedPath\":\"/link.css?direct\","
						+ "\"explicitImportRequired\":false,\"isWithinCircularImport\":false}]}");
	}

	@Test
	void writesJsUpdateOfAnAcceptedDependency() {
		assertWrittenAndReadBack(new UpdatePayload(List.of(Update.js(1795541175691L, "/parent.js", "/child.js"))),
				"{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":1795541175691,"
						+ "\"path\":\"/parent.js\",\"acceptedPath\":\"/child.js\","
						+ "\"explicitImportRequired\":false,\"isWithinCircularImport\":false}]}");
	}

	@Test
	void writesExplicitImportRequiredWhenTrue() {
		Update update = new Update(Update.Type.JS_UPDATE, 1795541175942L, "/svgparent.js", "/logo.svg", true, false,
				null, null);
		assertWrittenAndReadBack(new UpdatePayload(List.of(update)),
				"{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":1795541175942,"
						+ "\"path\":\"/svgparent.js\",\"acceptedPath\":\"/logo.svg\","
						+ "\"explicitImportRequired\":true,\"isWithinCircularImport\":false}]}");
	}

	@Test
	void writesSeveralUpdatesInOrder() {
		assertWrittenAndReadBack(
				new UpdatePayload(List.of(Update.js(1795541176194L, "/multi/a.js", "/multi/shared.js"),
						Update.js(1795541176194L, "/multi/b.js", "/multi/shared.js"))),
				"{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":1795541176194,"
						+ "\"path\":\"/multi/a.js\",\"acceptedPath\":\"/multi/shared.js\","
						+ "\"explicitImportRequired\":false,\"isWithinCircularImport\":false},"
						+ "{\"type\":\"js-update\",\"timestamp\":1795541176194,\"path\":\"/multi/b.js\","
						+ "\"acceptedPath\":\"/multi/shared.js\",\"explicitImportRequired\":false,"
						+ "\"isWithinCircularImport\":false}]}");
	}

	@Test
	void writesIsWithinCircularImportUnderVitesName() {
		Update update = new Update(Update.Type.JS_UPDATE, 1795541178560L, "/circ/c.js", "/circ/c.js", false, true, null,
				null);
		assertWrittenAndReadBack(new UpdatePayload(List.of(update)),
				"{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":1795541178560,"
						+ "\"path\":\"/circ/c.js\",\"acceptedPath\":\"/circ/c.js\","
						+ "\"explicitImportRequired\":false,\"isWithinCircularImport\":true}]}");
	}

	@Test
	void writesFirstInvalidatedByLast() {
		Update update = new Update(Update.Type.JS_UPDATE, 1795541178813L, "/inv/parent.js", "/inv/parent.js", false,
				false, "/inv/child.js", null);
		assertWrittenAndReadBack(new UpdatePayload(List.of(update)),
				"{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":1795541178813,"
						+ "\"path\":\"/inv/parent.js\",\"acceptedPath\":\"/inv/parent.js\","
						+ "\"explicitImportRequired\":false,\"isWithinCircularImport\":false,"
						+ "\"firstInvalidatedBy\":\"/inv/child.js\"}]}");
	}

	@Test
	void writesInvalidatesAfterFirstInvalidatedBy() {
		Update update = new Update(Update.Type.JS_UPDATE, 1795541178813L, "/inv/parent.js", "/inv/parent.js", false,
				false, "/inv/child.js", List.of("/inv/child.js", "/inv/other.js"));
		assertWrittenAndReadBack(new UpdatePayload(List
			.of(update)), "{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":1795541178813,"
					+ "\"path\":\"/inv/parent.js\",\"acceptedPath\":\"/inv/parent.js\","
					+ "\"explicitImportRequired\":false,\"isWithinCircularImport\":false,"
					+ "\"firstInvalidatedBy\":\"/inv/child.js\",\"invalidates\":[\"/inv/child.js\",\"/inv/other.js\"]}]}");
	}

	@Test
	void writesInvalidatesWithoutFirstInvalidatedBy() {
		Update update = new Update(Update.Type.JS_UPDATE, 1795541178813L, "/a.js", "/a.js", false, false, null,
				List.of());
		assertWrittenAndReadBack(new UpdatePayload(List.of(update)),
				"{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":1795541178813,"
						+ "\"path\":\"/a.js\",\"acceptedPath\":\"/a.js\",\"explicitImportRequired\":false,"
						+ "\"isWithinCircularImport\":false,\"invalidates\":[]}]}");
	}

	@Test
	void payloadsKeepTheListsTheyWereGivenAsTheyWere() {
		List<String> paths = new ArrayList<>(List.of("/a.js"));
		List<Update> updates = new ArrayList<>(List.of(Update.js(1795541178813L, "/a.js", "/a.js")));
		List<String> invalidates = new ArrayList<>(List.of("/b.js"));
		PrunePayload prune = new PrunePayload(paths);
		UpdatePayload update = new UpdatePayload(updates);
		Update invalidating = new Update(Update.Type.JS_UPDATE, 1795541178813L, "/a.js", "/a.js", false, false, null,
				invalidates);
		paths.add("/c.js");
		updates.clear();
		invalidates.add("/c.js");
		assertThat(this.codec.write(prune)).isEqualTo("{\"type\":\"prune\",\"paths\":[\"/a.js\"]}");
		assertThat(update.updates()).hasSize(1);
		assertThat(invalidating.invalidates()).containsExactly("/b.js");
	}

	@ParameterizedTest
	@EnumSource(HotPayload.Type.class)
	void typeValueIsTheNameOnTheWire(HotPayload.Type type) {
		HotPayload payload = switch (type) {
			case CONNECTED -> ConnectedPayload.INSTANCE;
			case PING -> PingPayload.INSTANCE;
			case UPDATE -> new UpdatePayload(List.of());
			case FULL_RELOAD -> new FullReloadPayload(null, null);
			case PRUNE -> new PrunePayload(List.of());
			case ERROR -> new ErrorPayload(HotError.of("boom", ""));
			case CUSTOM -> new CustomPayload("e", null);
		};
		assertThat(payload.type()).isEqualTo(type);
		assertThat(this.codec.write(payload)).startsWith("{\"type\":\"" + type.value() + "\"");
	}

	@Test
	void writesFullReloadWithTriggerBeforePath() {
		assertWrittenAndReadBack(new FullReloadPayload("*", "/abs/project/plain.js"),
				"{\"type\":\"full-reload\",\"triggeredBy\":\"/abs/project/plain.js\",\"path\":\"*\"}");
	}

	@Test
	void writesFullReloadOfOnePage() {
		assertWrittenAndReadBack(FullReloadPayload.page("/index.html"),
				"{\"type\":\"full-reload\",\"path\":\"/index.html\"}");
	}

	@Test
	void writesFullReloadWithoutPath() {
		assertWrittenAndReadBack(new FullReloadPayload(null, null), "{\"type\":\"full-reload\"}");
	}

	@Test
	void writesPrune() {
		assertWrittenAndReadBack(new PrunePayload(List.of("/prune/dep2.js")),
				"{\"type\":\"prune\",\"paths\":[\"/prune/dep2.js\"]}");
	}

	@Test
	void writesCustomWithObjectData() {
		assertWrittenAndReadBack(new CustomPayload("my:broadcast", Map.of("hello", "world")),
				"{\"type\":\"custom\",\"event\":\"my:broadcast\",\"data\":{\"hello\":\"world\"}}");
	}

	@Test
	void writesCustomWithoutData() {
		assertWrittenAndReadBack(new CustomPayload("my:ping", null), "{\"type\":\"custom\",\"event\":\"my:ping\"}");
	}

	@Test
	void writesCustomWithDataOfAnyJsonType() {
		assertThat(this.codec.write(new CustomPayload("e", "text")))
			.isEqualTo("{\"type\":\"custom\",\"event\":\"e\",\"data\":\"text\"}");
		assertThat(this.codec.write(new CustomPayload("e", 42)))
			.isEqualTo("{\"type\":\"custom\",\"event\":\"e\",\"data\":42}");
		assertThat(this.codec.write(new CustomPayload("e", List.of(1, "two", false))))
			.isEqualTo("{\"type\":\"custom\",\"event\":\"e\",\"data\":[1,\"two\",false]}");
		assertThat(this.codec.write(new CustomPayload("e", new Greeting("hi", 2))))
			.isEqualTo("{\"type\":\"custom\",\"event\":\"e\",\"data\":{\"text\":\"hi\",\"count\":2}}");
		JsonNode tree = this.codec.mapper().readTree("{\"z\":1,\"a\":[true,null]}");
		assertThat(this.codec.write(new CustomPayload("e", tree)))
			.isEqualTo("{\"type\":\"custom\",\"event\":\"e\",\"data\":{\"z\":1,\"a\":[true,null]}}");
	}

	@Test
	void writesErrorAsCaptured() {
		HotError err = new HotError(
				"Failed to parse source for import analysis because the content contains invalid JS syntax.",
				"    at TransformPluginContext._formatLog (file:///…)\n    at …", "/abs/project/self.js",
				"1  |  export const v = (\n   |  ^", "vite:import-analysis", "export const v = (\n",
				new HotError.Location("/abs/project/self.js", 1, 0), Map.of());
		assertWrittenAndReadBack(new ErrorPayload(err), "{\"type\":\"error\",\"err\":{\"message\":"
				+ "\"Failed to parse source for import analysis because the content contains invalid JS syntax.\","
				+ "\"stack\":\"    at TransformPluginContext._formatLog (file:///…)\\n    at …\","
				+ "\"id\":\"/abs/project/self.js\",\"frame\":\"1  |  export const v = (\\n   |  ^\","
				+ "\"plugin\":\"vite:import-analysis\",\"pluginCode\":\"export const v = (\\n\","
				+ "\"loc\":{\"file\":\"/abs/project/self.js\",\"line\":1,\"column\":0}}}");
	}

	@Test
	void writesErrorWithMessageAndStackOnly() {
		assertWrittenAndReadBack(new ErrorPayload(HotError.of("boom", "")),
				"{\"type\":\"error\",\"err\":{\"message\":\"boom\",\"stack\":\"\"}}");
	}

	@Test
	void writesErrorLocationWithoutFile() {
		HotError err = new HotError("boom", "", null, null, null, null, new HotError.Location(null, 3, 7), Map.of());
		assertWrittenAndReadBack(new ErrorPayload(err),
				"{\"type\":\"error\",\"err\":{\"message\":\"boom\",\"stack\":\"\",\"loc\":{\"line\":3,\"column\":7}}}");
	}

	@Test
	void writesExtraErrorFieldsAfterTheKnownOnes() {
		HotError err = new HotError("boom", "    at x", "/a.js", null, null, null, null, Map.of("code", "PARSE_ERROR"));
		assertWrittenAndReadBack(new ErrorPayload(err), "{\"type\":\"error\",\"err\":{\"message\":\"boom\","
				+ "\"stack\":\"    at x\",\"id\":\"/a.js\",\"code\":\"PARSE_ERROR\"}}");
	}

	@Test
	void readsClientCustomMessage() {
		Optional<CustomPayload> message = this.codec
			.readClientMessage("{\"type\":\"custom\",\"event\":\"my:hello\",\"data\":{\"n\":1}}");
		assertThat(message).hasValueSatisfying((custom) -> {
			assertThat(custom.event()).isEqualTo("my:hello");
			assertThat(custom.data()).isInstanceOf(JsonNode.class);
			assertThat(((JsonNode) custom.data()).get("n").asInt()).isEqualTo(1);
		});
	}

	@Test
	void readsClientCustomMessageWithoutData() {
		assertThat(this.codec.readClientMessage("{\"type\":\"custom\",\"event\":\"my:hello\"}"))
			.hasValueSatisfying((custom) -> assertThat(custom.data()).isNull());
	}

	@Test
	void readsClientCustomMessageWithNullDataAsAbsent() {
		assertThat(this.codec.readClientMessage("{\"type\":\"custom\",\"event\":\"my:hello\",\"data\":null}"))
			.hasValueSatisfying((custom) -> assertThat(custom.data()).isNull());
	}

	@Test
	void readsViteInvalidate() {
		Optional<CustomPayload> message = this.codec
			.readClientMessage("{\"type\":\"custom\",\"event\":\"vite:invalidate\","
					+ "\"data\":{\"path\":\"/inv/child.js\",\"message\":\"not accepted\",\"firstInvalidatedBy\":\"/inv/child.js\"}}");
		assertThat(message).hasValueSatisfying((custom) -> {
			assertThat(custom.event()).isEqualTo("vite:invalidate");
			JsonNode data = (JsonNode) custom.data();
			assertThat(data.get("path").asString()).isEqualTo("/inv/child.js");
			assertThat(data.get("message").asString()).isEqualTo("not accepted");
			assertThat(data.get("firstInvalidatedBy").asString()).isEqualTo("/inv/child.js");
		});
	}

	@Test
	void readsClientPingAsNothing() {
		assertThat(this.codec.readClientMessage("{\"type\":\"ping\"}")).isEmpty();
	}

	@Test
	void readsUnknownClientMessageTypeAsNothing() {
		assertThat(this.codec.readClientMessage("{\"type\":\"bundled-dev-update\",\"seq\":1}")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "", " ", "{", "[1,2]", "\"custom\"", "42", "null", "{}", "{\"type\":5}",
			"{\"type\":null}", "{\"type\":\"custom\"}", "{\"type\":\"custom\",\"event\":\"\"}",
			"{\"type\":\"custom\",\"event\":42}", "{\"type\":\"custom\",\"event\":{\"a\":1}}",
			"{\"type\":\"custom\",\"event\":null}", "{\"type\":\"ping\"} trailing" })
	void rejectsMalformedClientMessage(String json) {
		assertThatExceptionOfType(MalformedClientMessageException.class)
			.isThrownBy(() -> this.codec.readClientMessage(json));
	}

	@Test
	void rejectsDeeplyNestedClientMessageWithoutOverflowingTheStack() {
		String json = "{\"type\":\"custom\",\"event\":\"e\",\"data\":" + "[".repeat(100_000) + "]".repeat(100_000)
				+ "}";
		assertThatExceptionOfType(MalformedClientMessageException.class)
			.isThrownBy(() -> this.codec.readClientMessage(json));
	}

	private void assertWrittenAndReadBack(HotPayload payload, String json) {
		assertThat(this.codec.write(payload)).isEqualTo(json);
		assertThat(this.codec.read(json)).isEqualTo(payload);
	}

	record Greeting(String text, int count) {
	}

}
