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

package dev.hmr.adversarial;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.TestHotClient;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.graph.ModuleNode;
import dev.hmr.graph.ModuleType;
import dev.hmr.payload.ConnectedPayload;
import dev.hmr.payload.Update;
import dev.hmr.testsupport.TestFiles;
import dev.hmr.testsupport.TestHttp;
import dev.hmr.testsupport.TestProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2,000 browsers (each a socket on loopback; the test JVM's file limit is 20,000) all get
 * the update of one save; what an idle browser and 1,000 modules cost in heap.
 */
@Tag("slow")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "server.address=127.0.0.1", "hmr.watch.roots=${test.roots}" })
class ManyClientsIntegrationTests {

	static final int CLIENTS = Integer.getInteger("hmr.adversarial.clients", 2_000);

	private static final TestProject project = TestProject.create("many-clients")
		.with("static/app.js", "export let count = 0;\nimport.meta.hot.accept();\n");

	@LocalServerPort
	private int port;

	@Autowired
	private ServerHotChannel channel;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("test.roots", () -> project.roots("static"));
	}

	@Test
	void everyOneOfManyBrowsersGetsTheUpdateOfOneSave() throws Exception {
		TestHttp.load(this.port, "/app.js");
		URI uri = URI.create("ws://127.0.0.1:" + this.port + "/@hmr");
		List<TestHotClient> browsers = new ArrayList<>(CLIENTS);
		long heapBefore = Figures.usedHeapAfterGc();
		try {
			for (int i = 0; i < CLIENTS; i++) {
				TestHotClient browser = TestHotClient.to(uri).connect();
				browsers.add(browser);
			}
			for (TestHotClient browser : browsers) {
				assertThat(browser.takePayload()).isEqualTo(ConnectedPayload.INSTANCE);
			}
			assertThat(this.channel.clients()).hasSize(CLIENTS);
			long heapPerClient = (Figures.usedHeapAfterGc() - heapBefore) / CLIENTS;
			long saved = System.nanoTime();
			project.write("static/app.js", "export let count = 1;\nimport.meta.hot.accept();\n");
			ExecutorService readers = Executors.newFixedThreadPool(8);
			try {
				List<CompletableFuture<Update>> updates = browsers.stream()
					.map((browser) -> CompletableFuture.supplyAsync(() -> TestFiles.single(browser.takePayload()),
							readers))
					.toList();
				Set<Long> timestamps = new HashSet<>();
				for (CompletableFuture<Update> update : updates) {
					assertThat(update.join().path()).isEqualTo("/app.js");
					timestamps.add(update.join().timestamp());
				}
				long lastMillis = (System.nanoTime() - saved) / 1_000_000;
				assertThat(timestamps).hasSize(1);
				Figures.print(
						"clients: %,d browsers held, every one got the update of one save, the last %,d ms "
								+ "after the file was written; heap per idle browser about %,d KB",
						CLIENTS, lastMillis, heapPerClient / 1024);
			}
			finally {
				readers.shutdownNow();
			}
		}
		finally {
			browsers.forEach(TestHotClient::close);
		}
	}

	@Test
	void aThousandModulesCostLittleHeap() {
		int count = 50_000;
		long before = Figures.usedHeapAfterGc();
		ModuleGraph graph = new ModuleGraph();
		ModuleNode previous = null;
		for (int i = 0; i < count; i++) {
			ModuleNode module = graph.ensureModule("/src/components/module" + i + ".js",
					Path.of("/project/src/main/resources/static/src/components/module" + i + ".js"), ModuleType.JS);
			graph.updateModuleInfo(module, (previous != null) ? Set.of(previous) : Set.of(), Set.of(), null,
					i % 2 == 0);
			previous = module;
		}
		long perThousand = (Figures.usedHeapAfterGc() - before) / (count / 1_000);
		assertThat(graph.size()).isEqualTo(count);
		Figures.print("modules: heap per 1,000 modules (each importing one) about %,d KB", perThousand / 1024);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
