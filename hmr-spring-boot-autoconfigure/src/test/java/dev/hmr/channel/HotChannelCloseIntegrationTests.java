package dev.hmr.channel;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.hmr.payload.ConnectedPayload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the channel, as the application does when it shuts down: every browser is
 * disconnected (and then polls with {@code vite-ping} until a server answers).
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.timeout=31s" })
@DirtiesContext
class HotChannelCloseIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Test
	void closeDisconnectsEveryBrowserAndRefusesNewSocketsEvenPings() throws Exception {
		URI uri = URI.create("ws://localhost:" + this.port + "/@hmr");
		CountDownLatch disconnects = new CountDownLatch(2);
		this.channel.on(ServerHotChannel.DISCONNECT, (data, client) -> disconnects.countDown());
		try (TestHotClient first = TestHotClient.to(uri).connect();
				TestHotClient second = TestHotClient.to(uri).connect()) {
			assertThat(first.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			assertThat(second.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			this.channel.close();
			assertThat(first.awaitClose(TestHotClient.TIMEOUT)).isEqualTo(1001);
			assertThat(second.awaitClose(TestHotClient.TIMEOUT)).isEqualTo(1001);
			assertThat(disconnects.await(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(this.channel.clients()).isEmpty();
		}
		assertThat(TestHotClient.to(uri).connectExpectingRefusal()).isEqualTo(503);
		assertThat(TestHotClient.to(uri).subprotocols("vite-ping").connectExpectingRefusal()).isEqualTo(503);
	}

}
