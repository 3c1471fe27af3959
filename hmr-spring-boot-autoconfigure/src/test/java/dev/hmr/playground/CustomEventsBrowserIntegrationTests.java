package dev.hmr.playground;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.hmr.browser.Browser;
import dev.hmr.channel.HotChannelClient;
import dev.hmr.channel.ServerHotChannel;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom events both ways between {@link ServerHotChannel} and {@code import.meta.hot}
 * (playground {@code custom}).
 */
class CustomEventsBrowserIntegrationTests extends PlaygroundBrowserIntegrationTests {

	@Autowired
	private ServerHotChannel channel;

	@Test
	void aServerEventReachesTheModulesListenerAndABrowserEventReachesTheServersListener(Browser browser) {
		record Received(JsonNode data, HotChannelClient client) {
		}
		List<Received> received = new CopyOnWriteArrayList<>();
		this.channel.on("my:from-browser", (data, client) -> received.add(new Received(data, client)));
		open(browser, "/custom/index.html");

		browser.await().alias("my:from-browser on the server").until(() -> !received.isEmpty());
		Received event = received.get(0);
		assertThat(event.data().get("n").asInt()).isEqualTo(1);
		assertThat(this.channel.clients()).extracting((client) -> client.socket().id())
			.contains(event.client().socket().id());

		this.channel.send("my:event", java.util.Map.of("msg", "hi"));

		browser.awaitText(".custom", "hi");
	}

}
