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

package dev.hmr.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

import dev.hmr.channel.ServerHotChannel;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.FileChangeKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link HmrModuleTransformer} where a real server cannot time the race.
 */
class HmrModuleTransformerTests {

	@Test
	void aFileDeletedBetweenResolutionAndReadAnswers404WithoutAnError(@TempDir Path root) throws IOException {
		Path file = Files.writeString(root.resolve("gone.js"), "export {};\n");
		FileSystemResource resolved = new FileSystemResource(file);
		Files.delete(file);
		ServerHotChannel channel = mock(ServerHotChannel.class);
		ModuleGraph graph = new ModuleGraph();
		HmrModuleTransformer transformer = new HmrModuleTransformer(graph, channel, new HmrClock(), List.of(),
				List.of(root), "");
		ResourceTransformerChain chain = mock(ResourceTransformerChain.class);
		given(chain.transform(any(), any())).willAnswer((invocation) -> invocation.getArgument(1));
		assertThatExceptionOfType(ResponseStatusException.class)
			.isThrownBy(() -> transformer.transform(new MockHttpServletRequest("GET", "/gone.js"), resolved, chain))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
		then(channel).shouldHaveNoInteractions();
		assertThat(graph.getModuleByUrl("/gone.js")).isNull();
	}

	@Test
	void aChangeTheFileStampDoesNotShowIsServedOnceItsEventArrives(@TempDir Path root) throws Exception {
		Path file = Files.writeString(root.resolve("same.js"), "export const v = 'a';\n");
		FileTime modified = Files.getLastModifiedTime(file);
		AtomicInteger transforms = new AtomicInteger();
		HmrModuleTransformer transformer = transformer(root, new HmrPlugin() {

			@Override
			public @Nullable String transform(String code, String id) {
				transforms.incrementAndGet();
				return null;
			}

		});
		assertThat(serve(transformer, file)).contains("'a'");
		// same size, same time: only the watcher can tell
		Files.writeString(file, "export const v = 'b';\n");
		Files.setLastModifiedTime(file, modified);

		assertThat(serve(transformer, file)).contains("'a'");
		assertThat(transforms).hasValue(1);
		transformer.onApplicationEvent(new FileChangeEvent(this, file, root, FileChangeKind.MODIFIED, 0));
		assertThat(serve(transformer, file)).contains("'b'");
		assertThat(transforms).hasValue(2);
	}

	@Test
	void anAnswerMadeWhileAChangeIsPublishedIsNotKept(@TempDir Path root) throws Exception {
		Path file = Files.writeString(root.resolve("race.js"), "export const v = 'a';\n");
		FileTime modified = Files.getLastModifiedTime(file);
		CountDownLatch transforming = new CountDownLatch(1);
		CountDownLatch published = new CountDownLatch(1);
		HmrModuleTransformer transformer = transformer(root, new HmrPlugin() {

			@Override
			public @Nullable String transform(String code, String id) throws InterruptedException {
				if (code.contains("'a'")) {
					transforming.countDown();
					assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
				}
				return null;
			}

		});
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> serve(transformer, file));
		assertThat(transforming.await(30, TimeUnit.SECONDS)).isTrue();
		// saved and published while the old content is being transformed
		Files.writeString(file, "export const v = 'b';\n");
		Files.setLastModifiedTime(file, modified);
		transformer.onApplicationEvent(new FileChangeEvent(this, file, root, FileChangeKind.MODIFIED, 0));
		published.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).contains("'a'");
		assertThat(serve(transformer, file)).contains("'b'");
	}

	private static HmrModuleTransformer transformer(Path root, HmrPlugin plugin) {
		return new HmrModuleTransformer(new ModuleGraph(), mock(ServerHotChannel.class), new HmrClock(),
				List.of(plugin), List.of(root), "");
	}

	private static String serve(HmrModuleTransformer transformer, Path file) {
		try {
			ResourceTransformerChain chain = mock(ResourceTransformerChain.class);
			given(chain.transform(any(), any())).willAnswer((invocation) -> invocation.getArgument(1));
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/" + file.getFileName());
			request.addHeader("Sec-Fetch-Dest", "script");
			Resource served = transformer.transform(request, new FileSystemResource(file), chain);
			return served.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
