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
