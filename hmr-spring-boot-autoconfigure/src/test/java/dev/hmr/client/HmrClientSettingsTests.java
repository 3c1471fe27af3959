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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.hmr.channel.HmrSocketSettings;
import dev.hmr.channel.HmrToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrClientSettings}.
 */
class HmrClientSettingsTests {

	@Test
	void fromSocketSettingsTakesWhatTheBrowserConnectsTo() {
		HmrSocketSettings socket = new HmrSocketSettings(HmrToken.of("abcdefghijkl"), "/app", "/app/@hmr", "wss",
				"dev.example.test", 24678, 443, Duration.ofSeconds(10));
		HmrClientSettings settings = HmrClientSettings.from(socket, false, "/app/");
		assertThat(settings).isEqualTo(new HmrClientSettings("wss", "dev.example.test", 443, "/app/@hmr",
				Duration.ofSeconds(10), false, "abcdefghijkl", "/app/"));
	}

	@Test
	void fromSocketSettingsUsesTheDedicatedPortWithoutAClientPort() {
		HmrSocketSettings socket = new HmrSocketSettings(HmrToken.of("abcdefghijkl"), "", "/@hmr", null, null, 24678,
				null, Duration.ofSeconds(30));
		assertThat(HmrClientSettings.from(socket, true, "/").port()).isEqualTo(24678);
	}

}
