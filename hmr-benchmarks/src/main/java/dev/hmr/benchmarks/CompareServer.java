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

package dev.hmr.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hmr.graph.ModuleGraph;

/**
 * Our side of {@code src/main/js/compare-all.mjs}: the real Spring Boot app with the
 * starter serving one generated folder (as {@code hmr.watch.roots}, Tomcat, the default
 * settings), in a process of its own, as {@code vite-serve.mjs} is for Vite. Prints
 * {@code PORT <port>} once it listens and stops when its standard input ends. For the
 * memory figures it answers {@code GET /__bench/heap} with the heap in use after a full
 * collection, in bytes, and the number of modules in the graph: the same question the
 * Vite side answers from {@code process.memoryUsage()}.
 * <p>
 * {@code java -cp $CP dev.hmr.benchmarks.CompareServer <folder>}
 */
public final class CompareServer {

	private CompareServer() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args[0]).toRealPath();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CompareApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("hmr.enabled=true", "hmr.watch.roots=" + root, "server.port=0", "spring.main.banner-mode=off",
					"logging.level.root=warn")
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		System.out.printf(Locale.ROOT, "PORT %d hmr-spring-boot java %s%n", port, Runtime.version());
		System.out.flush();
		while (System.in.read() != -1) {
			// serve until the input ends
		}
		context.close();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CompareApplication {

		@Bean
		HeapController heapController(ModuleGraph graph) {
			return new HeapController(graph);
		}

	}

	@RestController
	static final class HeapController {

		private final ModuleGraph graph;

		HeapController(ModuleGraph graph) {
			this.graph = graph;
		}

		/**
		 * The servlet container and Spring MVC alone: the floor under a module's answer.
		 */
		@GetMapping(path = "/__bench/ping", produces = "text/plain")
		String ping() {
			return "ok";
		}

		@GetMapping(path = "/__bench/heap", produces = "application/json")
		String heap() {
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			long used = Long.MAX_VALUE;
			// the least of a few full collections: what is reachable, not what awaits the
			// collector
			for (int i = 0; i < 3; i++) {
				System.gc();
				used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
			}
			return String.format(Locale.ROOT, "{\"heap\":%d,\"modules\":%d}", used, this.graph.size());
		}

	}

}
