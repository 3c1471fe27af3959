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

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hmr.channel.InertServerHotChannel;
import dev.hmr.channel.ServerHotChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with HMR off, as in its packaged jar: the beans that use the API start, the
 * broadcast reaches no browser, and nothing of HMR is served.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=false")
class SampleApplicationInactiveTests {

	private final HttpClient httpClient = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@Test
	void theChannelIsInert() {
		assertThat(this.channel).isInstanceOf(InertServerHotChannel.class);
	}

	@Test
	void broadcastIsAcceptedAndReachesNoBrowser() throws Exception {
		HttpResponse<String> response = this.httpClient.send(HttpRequest.newBuilder(uri("/api/broadcast"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).contains("\"browsers\":0");
	}

	@Test
	void pagesGetNoClientAndTheClientIsNotServed() throws Exception {
		HttpResponse<String> page = get("/index.html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<link rel=\"stylesheet\" href=\"/css/site.css\">")
			.doesNotContain("<script type=\"module\" src=\"/@vite/client\"></script>");
		assertThat(get("/@vite/client").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.httpClient.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
