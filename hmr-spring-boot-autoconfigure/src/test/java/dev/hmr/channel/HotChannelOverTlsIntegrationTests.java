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

package dev.hmr.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HMR socket on a Tomcat that serves TLS itself ({@code server.ssl.*}): the starter's
 * framing runs over Tomcat's TLS channel, a browser's {@code wss://} socket gets its
 * {@code connected}, what it sends reaches the listeners and a broadcast reaches it.
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "server.ssl.key-store-type=PKCS12", "server.ssl.key-store-password=secret",
				"server.ssl.key-alias=hmr" })
class HotChannelOverTlsIntegrationTests {

	private static final String PASSWORD = "secret";

	private static final Path KEY_STORE = createKeyStore();

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@DynamicPropertySource
	static void keyStore(DynamicPropertyRegistry registry) {
		registry.add("server.ssl.key-store", () -> KEY_STORE.toString());
	}

	@Test
	void aWssSocketIsConnectedAndMessagesGoBothWays() throws Exception {
		CompletableFuture<String> received = new CompletableFuture<>();
		HotChannelListener listener = (data, client) -> received.complete(data.asString());
		this.channel.on("test:tls", listener);
		BlockingQueue<String> frames = new LinkedBlockingQueue<>();
		HttpClient client = HttpClient.newBuilder().sslContext(trusting(KEY_STORE)).build();
		WebSocket socket = client.newWebSocketBuilder()
			.subprotocols("vite-hmr")
			.buildAsync(URI.create("wss://localhost:" + this.port + "/@hmr"), new WebSocket.Listener() {

				private final StringBuilder text = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					this.text.append(data);
					if (last) {
						frames.add(this.text.toString());
						this.text.setLength(0);
					}
					webSocket.request(1);
					return null;
				}

			})
			.get(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		try {
			assertThat(frames.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
				.isEqualTo("{\"type\":\"connected\"}");
			String large = "é".repeat(40_000);
			socket.sendText("{\"type\":\"custom\",\"event\":\"test:tls\",\"data\":\"" + large + "\"}", true);
			assertThat(received.get(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(large);
			this.channel.send("test:back", List.of(large));
			JsonNode back = JsonMapper.shared()
				.readTree(frames.poll(TestHotClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
			assertThat(back.get("event").asString()).isEqualTo("test:back");
			assertThat(back.get("data").get(0).asString()).isEqualTo(large);
		}
		finally {
			this.channel.off("test:tls", listener);
			socket.abort();
		}
	}

	private static Path createKeyStore() {
		try {
			Path dir = Files.createTempDirectory("hmr-tls");
			Path keyStore = dir.resolve("keystore.p12");
			Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
					"-genkeypair", "-alias", "hmr", "-keyalg", "RSA", "-keysize", "2048", "-validity", "1", "-dname",
					"CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
					keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
				.redirectErrorStream(true)
				.start();
			String output = new String(keytool.getInputStream().readAllBytes());
			if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			return keyStore;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static SSLContext trusting(Path keyStorePath) throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream input = Files.newInputStream(keyStorePath)) {
			keyStore.load(input, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keyStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
