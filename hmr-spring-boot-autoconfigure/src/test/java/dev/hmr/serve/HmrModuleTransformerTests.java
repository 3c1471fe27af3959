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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

import dev.hmr.channel.ServerHotChannel;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;

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

}
