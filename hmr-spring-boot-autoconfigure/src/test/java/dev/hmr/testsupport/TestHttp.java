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

package dev.hmr.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET requests to an application on localhost, as a browser sends them.
 */
public final class TestHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final HttpClient client = HttpClient.newHttpClient();

	private TestHttp() {
	}

	/**
	 * Send {@code GET path} and read the answer as text.
	 * @param port the application's port
	 * @param path the path, with its query if any
	 * @param headers header names and values, in pairs, as
	 * {@link HttpRequest.Builder#headers(String...)} takes them
	 * @return the answer
	 * @throws IOException on a connection failure
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static HttpResponse<String> get(int port, String path, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(TIMEOUT);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Load modules as a page's imports do ({@code Sec-Fetch-Dest: script}), so that they
	 * are in the module graph.
	 * @param port the application's port
	 * @param urls the modules' URLs, each asserted to answer 200
	 * @return their bodies, in order
	 * @throws IOException on a connection failure
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static List<String> load(int port, String... urls) throws IOException, InterruptedException {
		List<String> bodies = new ArrayList<>();
		for (String url : urls) {
			HttpResponse<String> response = get(port, url, "Accept", "*/*", "Sec-Fetch-Dest", "script");
			assertThat(response.statusCode()).as(url).isEqualTo(200);
			bodies.add(response.body());
		}
		return bodies;
	}

	/**
	 * A page as it would be without the import map the starter generates from the WebJars
	 * on the test class path (Preact's): for tests of where the client goes.
	 * @param html the page
	 * @return the page without its first {@code <script type="importmap">} element
	 */
	public static String withoutImportMap(String html) {
		return html.replaceFirst("<script type=\"importmap\">[^<]*</script>", "");
	}

}
