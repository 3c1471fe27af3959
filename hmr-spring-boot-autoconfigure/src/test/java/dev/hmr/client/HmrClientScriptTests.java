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

package dev.hmr.client;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HmrClientScript}.
 */
class HmrClientScriptTests {

	private static final HmrClientSettings DEFAULTS = new HmrClientSettings(null, null, null, "/@hmr",
			Duration.ofSeconds(30), true, "AbCdEf012_-x", "/");

	@Test
	void everyPlaceholderIsReplacedInEveryModule() {
		HmrClientScript script = new HmrClientScript(DEFAULTS);
		for (String path : HmrClientScript.PATHS) {
			assertThat(script.module(path).source()).as(path)
				.doesNotContain("__HMR_")
				.doesNotContain("__WS_TOKEN__")
				.doesNotContain("__BASE__");
		}
	}

	@Test
	void unsetSocketSettingsAreWrittenAsNullSoTheBrowserUsesTheClientsOwnAddress() {
		String source = new HmrClientScript(DEFAULTS).module(HmrClientScript.CLIENT_PATH).source();
		assertThat(source).contains("const hmrProtocol = null\n")
			.contains("const hmrHostname = null\n")
			.contains("const hmrPort = null\n")
			.contains("const hmrSocketPath = \"/@hmr\"\n")
			.contains("const hmrTimeout = 30000\n")
			.contains("const enableOverlay = true\n")
			.contains("const wsToken = \"AbCdEf012_-x\"\n")
			.contains("const base = \"/\" || '/'\n");
	}

	@Test
	void settingsAreWrittenAsJsonLiterals() {
		HmrClientSettings settings = new HmrClientSettings("wss", "dev.example.com", 8443, "/ws/@hmr",
				Duration.ofMillis(1500), false, "tok", "/app/");
		String source = new HmrClientScript(settings).module(HmrClientScript.CLIENT_PATH).source();
		assertThat(source).contains("const hmrProtocol = \"wss\"\n")
			.contains("const hmrHostname = \"dev.example.com\"\n")
			.contains("const hmrPort = 8443\n")
			.contains("const hmrSocketPath = \"/ws/@hmr\"\n")
			.contains("const hmrTimeout = 1500\n")
			.contains("const enableOverlay = false\n")
			.contains("const base = \"/app/\" || '/'\n");
	}

	@Test
	void stringsAreEscaped() {
		HmrClientSettings settings = new HmrClientSettings(null, null, null, "/@hmr", Duration.ofSeconds(30), true,
				"a\"b\\c\nd</script>", "/");
		String source = new HmrClientScript(settings).module(HmrClientScript.CLIENT_PATH).source();
		assertThat(source).contains("const wsToken = \"a\\\"b\\\\c\\nd</script>\"\n");
	}

	@Test
	void aValueThatContainsAPlaceholderNameIsNotFilledAgain() {
		HmrClientSettings settings = new HmrClientSettings(null, null, null, "/@hmr", Duration.ofSeconds(30), true,
				"__BASE__", "/");
		String source = new HmrClientScript(settings).module(HmrClientScript.CLIENT_PATH).source();
		assertThat(source).contains("const wsToken = \"__BASE__\"\n");
	}

	@Test
	void theOverlayGetsTheBase() {
		HmrClientSettings settings = new HmrClientSettings(null, null, null, "/@hmr", Duration.ofSeconds(30), true,
				"tok", "/app/");
		assertThat(new HmrClientScript(settings).module(HmrClientScript.OVERLAY_PATH).source())
			.contains("const base = \"/app/\" || '/'");
	}

	@Test
	void theEntryHasItsSiblingsWrittenInAndTheyAreServedAtTheirPathsToo() {
		HmrClientScript script = new HmrClientScript(DEFAULTS);
		String source = script.module(HmrClientScript.CLIENT_PATH).source();
		assertThat(source).doesNotContain("from './")
			.contains("const { HMRClient, HMRContext, createHMRHandler } = (() => {")
			.contains("class HMRClient")
			.contains("customElements.define(overlayId, ErrorOverlay)")
			.contains("function setupMorph(")
			.doesNotContain("export class HMRClient", "export function setupMorph", "export const overlayId")
			.contains("export function createHotContext(");
		assertThat(script.module(HmrClientScript.RUNTIME_PATH).source()).contains("export class HMRClient");
		URI client = URI.create("http://localhost:8080" + HmrClientScript.CLIENT_PATH);
		assertThat(client.resolve("./hmr.mjs").getPath()).isEqualTo(HmrClientScript.RUNTIME_PATH);
		assertThat(client.resolve("./overlay.mjs").getPath()).isEqualTo(HmrClientScript.OVERLAY_PATH);
	}

	@Test
	void theEntityTagFollowsTheFilledSource() {
		HmrClientSettings otherToken = new HmrClientSettings(null, null, null, "/@hmr", Duration.ofSeconds(30), true,
				"another", "/");
		String etag = new HmrClientScript(DEFAULTS).module(HmrClientScript.CLIENT_PATH).etag();
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(new HmrClientScript(DEFAULTS).module(HmrClientScript.CLIENT_PATH).etag()).isEqualTo(etag);
		assertThat(new HmrClientScript(otherToken).module(HmrClientScript.CLIENT_PATH).etag()).isNotEqualTo(etag);
	}

	@Test
	void aPathOutsideTheClientHasNoModule() {
		HmrClientScript script = new HmrClientScript(DEFAULTS);
		assertThat(script.module("/@vite/env")).isNull();
		assertThat(script.module("/@vite/hmr.d.ts")).isNull();
	}

	@Test
	void baseMustStartAndEndWithASlash() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new HmrClientSettings(null, null, null, "/@hmr", Duration.ofSeconds(30), true, "t", "/app"))
			.withMessageContaining("'base'");
	}

	@Test
	void tokenMustNotBeEmpty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HmrClientSettings(null, null, null, "/@hmr", Duration.ofSeconds(1), true, "", "/"))
			.withMessageContaining("'token'");
	}

}
