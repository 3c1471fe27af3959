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

package dev.hmr.sample;

import java.io.IOException;
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
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample served with HMR forced on (a test runner would switch it off): pages get the
 * client, modules are transformed, the plugin serves Markdown, and a real WebSocket
 * client sees the custom events. Nothing here edits the sample's files: file changes are
 * tested in the autoconfigure module.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String CLIENT_SCRIPT = "<script type=\"module\" src=\"/@vite/client\"></script>";

	private final HttpClient httpClient = HttpClient.newHttpClient();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	@LocalServerPort
	private int port;

	@Test
	void staticPageGetsTheClientScript() throws Exception {
		HttpResponse<String> response = get("/index.html", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains(CLIENT_SCRIPT).contains("href=\"/css/site.css\"");
	}

	@Test
	void thymeleafPageGetsTheClientScript() throws Exception {
		HttpResponse<String> response = get("/hello?name=Ada", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Hello, Ada!").contains(CLIENT_SCRIPT);
	}

	@Test
	void thymeleafPageWithAFormALayoutAndAFragmentGetsTheClientAndIsNamedForInPlaceUpdates() throws Exception {
		HttpResponse<String> response = get("/signup", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains(CLIENT_SCRIPT)
			.contains("<title>Sign up · hmr-spring-boot sample</title>")
			.contains("<form id=\"signup\" action=\"/signup\" method=\"post\">")
			.contains("<aside id=\"tips\" class=\"panel\">")
			.contains("the footer comes from <code>templates/layout.html</code>");
		// the page's id, which the client sends back so that edits of these templates
		// morph it
		assertThat(response.headers().firstValue("Server-Timing"))
			.hasValueSatisfying((timing) -> assertThat(timing).matches("(?s).*hmr-page;desc=\"?[A-Za-z0-9-]+.*"));
	}

	@Test
	void theSignUpFormPostsBackToThePage() throws Exception {
		HttpResponse<String> response = this.httpClient.send(HttpRequest.newBuilder(uri("/signup"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("name=Ada"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Welcome, Ada!").contains(CLIENT_SCRIPT);
	}

	@Test
	void moduleUsingImportMetaHotIsServedWithTheHotContext() throws Exception {
		HttpResponse<String> response = get("/js/counter.js", "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/javascript"));
		assertThat(response.body())
			.startsWith("import { createHotContext as __vite__createHotContext } from \"/@vite/client\";"
					+ "import.meta.hot = __vite__createHotContext(\"/js/counter.js\");");
	}

	@Test
	void typeScriptModuleIsServedAsJavaScriptWithTheHotContext() throws Exception {
		HttpResponse<String> response = get("/js/uptime.ts", "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/javascript"));
		assertThat(response.body())
			.startsWith("import { createHotContext as __vite__createHotContext } from \"/@vite/client\";"
					+ "import.meta.hot = __vite__createHotContext(\"/js/uptime.ts\");")
			.contains("const startedAt = data.startedAt ?? Date.now();")
			.doesNotContain("interface");
	}

	@Test
	void thePreactPageGetsAnImportMapForTheWebJarAndItsTsxIsCompiledWithRefreshRegistration() throws Exception {
		HttpResponse<String> page = get("/clicker.html", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<script type=\"importmap\">").contains("\"preact/hooks\"");
		HttpResponse<String> component = get("/js/Clicker.tsx", "*/*");
		assertThat(component.statusCode()).isEqualTo(200);
		assertThat(component.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/javascript"));
		assertThat(component.body()).doesNotContain("type Props")
			.contains("$RefreshReg$")
			.contains("import.meta.hot.accept(");
		HttpResponse<String> app = get("/js/clicker-app.tsx", "*/*");
		assertThat(app.body()).contains("\"/js/Clicker.tsx\"");
	}

	@Test
	void stylesheetImportedFromJavaScriptIsServedAsAModule() throws Exception {
		HttpResponse<String> response = get("/css/widget.css?import", "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/javascript"));
		assertThat(response.body()).contains("__vite__createHotContext(\"/css/widget.css\")").contains(".widget");
	}

	@Test
	void markdownIsServedAsAModuleByThePlugin() throws Exception {
		HttpResponse<String> response = get("/notes/welcome.md?import", "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/javascript"));
		assertThat(response.body()).startsWith("export default \"<h1>Notes from a Markdown file</h1>");
	}

	@Test
	void browserIsToldConnectedThenReceivesBroadcastsAndAnswersToItsHello(CapturedOutput output) throws Exception {
		WebSocket webSocket = this.httpClient.newWebSocketBuilder()
			.subprotocols("vite-hmr")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/@hmr"), new Collector())
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		try {
			assertThat(take()).isEqualTo("{\"type\":\"connected\"}");
			// Published before "connected" is sent, so it has been logged by now
			assertThat(output).containsPattern("Browser \\S+ connected");
			HttpResponse<String> response = this.httpClient.send(HttpRequest.newBuilder(uri("/api/broadcast"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(202);
			assertThat(take())
				.isEqualTo("{\"type\":\"custom\",\"event\":\"sample:message\",\"data\":{\"message\":\"hi\"}}");
			webSocket.sendText("{\"type\":\"custom\",\"event\":\"sample:hello\",\"data\":{\"name\":\"Ada\"}}", true);
			assertThat(take())
				.isEqualTo("{\"type\":\"custom\",\"event\":\"sample:reply\",\"data\":{\"greeting\":\"Hello, Ada!\"}}");
		}
		finally {
			webSocket.abort();
		}
	}

	@Test
	void aCrossSiteFormPostCannotBroadcast() throws Exception {
		WebSocket webSocket = this.httpClient.newWebSocketBuilder()
			.subprotocols("vite-hmr")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/@hmr"), new Collector())
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		try {
			assertThat(take()).isEqualTo("{\"type\":\"connected\"}");
			for (String contentType : new String[] { "application/x-www-form-urlencoded",
					"multipart/form-data; boundary=x", "text/plain" }) {
				HttpResponse<String> response = this.httpClient.send(HttpRequest.newBuilder(uri("/api/broadcast"))
					.header("Content-Type", contentType)
					.header("Origin", "http://evil.example")
					.POST(HttpRequest.BodyPublishers.ofString("message=pwned"))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(contentType).isEqualTo(415);
			}
			HttpResponse<String> blank = this.httpClient.send(HttpRequest.newBuilder(uri("/api/broadcast"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"  \"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(blank.statusCode()).isEqualTo(400);
			webSocket.sendText("{\"type\":\"custom\",\"event\":\"sample:hello\",\"data\":{\"name\":\"Ada\"}}", true);
			// nothing was broadcast: the next message is the reply to the hello
			assertThat(take()).contains("sample:reply");
		}
		finally {
			webSocket.abort();
		}
	}

	@Test
	void aHelloWithANameThatIsNotATextGetsAnErrorAndLogsNoStackTrace(CapturedOutput output) throws Exception {
		WebSocket webSocket = this.httpClient.newWebSocketBuilder()
			.subprotocols("vite-hmr")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/@hmr"), new Collector())
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		try {
			assertThat(take()).isEqualTo("{\"type\":\"connected\"}");
			for (String name : new String[] { "42", "{\"a\":1}", "[1,2]", "true", "\"" + "x".repeat(101) + "\"" }) {
				webSocket.sendText("{\"type\":\"custom\",\"event\":\"sample:hello\",\"data\":{\"name\":" + name + "}}",
						true);
				assertThat(take()).as(name)
					.isEqualTo("{\"type\":\"custom\",\"event\":\"sample:reply\",\"data\":{\"error\":"
							+ "\"name must be a text of 1 to 100 characters\"}}");
			}
			assertThat(output).contains("Ignored a sample:hello whose name is not a text")
				.doesNotContain("Exception")
				.doesNotContain("\tat ");
		}
		finally {
			webSocket.abort();
		}
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return this.httpClient.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
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
