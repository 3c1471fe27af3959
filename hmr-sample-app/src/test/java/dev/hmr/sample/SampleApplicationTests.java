package dev.hmr.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's HMR endpoints work end to end with a real WebSocket client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
class SampleApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient httpClient = HttpClient.newHttpClient();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	@LocalServerPort
	private int port;

	@Test
	void aBroadcastReachesTheBrowserAndAHelloIsAnswered() throws Exception {
		WebSocket webSocket = this.httpClient.newWebSocketBuilder()
			.subprotocols("vite-hmr")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/@hmr"), new Collector())
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		try {
			assertThat(take()).isEqualTo("{\"type\":\"connected\"}");
			HttpResponse<String> response = this.httpClient.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/broadcast?message=hi"))
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(202);
			assertThat(take()).isEqualTo("{\"type\":\"custom\",\"event\":\"sample:message\",\"data\":{\"message\":\"hi\"}}");
			webSocket.sendText("{\"type\":\"custom\",\"event\":\"sample:hello\",\"data\":{\"name\":\"Ada\"}}", true);
			assertThat(take())
				.isEqualTo("{\"type\":\"custom\",\"event\":\"sample:hello-reply\",\"data\":{\"greeting\":\"Hello, Ada!\"}}");
		}
		finally {
			webSocket.abort();
		}
	}

	private String take() throws InterruptedException {
		String message = this.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(message).as("a message within " + TIMEOUT).isNotNull();
		return message;
	}

	private final class Collector implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				SampleApplicationTests.this.messages.add(this.text.toString());
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
