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

package dev.hmr.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hmr.channel.InertServerHotChannel;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.WebSocketServerHotChannel;
import dev.hmr.graph.ModuleNode;
import dev.hmr.plugin.HmrContext;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.FileChangeKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrInactiveAutoConfiguration} beside {@link HmrAutoConfiguration}, as
 * in development and under tests, where the runtime is on the class path.
 */
class HmrInactiveAutoConfigurationWithRuntimeTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HmrAutoConfiguration.class, HmrInactiveAutoConfiguration.class))
		.withUserConfiguration(PluginConfiguration.class)
		.withPropertyValues("hmr.warm-up=false");

	@Test
	void theInertChannelIsTheOnlyChannelWhenHmrIsDisabled() {
		this.contextRunner.withPropertyValues("hmr.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(ServerHotChannel.class)
				.hasSingleBean(InertServerHotChannel.class)
				.hasSingleBean(HmrProperties.class)
				.doesNotHaveBean(WebSocketServerHotChannel.class)
				.doesNotHaveBean("hmrWebSocketHandlerMapping")
				.doesNotHaveBean("hmrClientHandlerMapping");
		});
	}

	@Test
	void theInertChannelIsTheOnlyChannelUnderATestRunner() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ServerHotChannel.class)
			.hasSingleBean(InertServerHotChannel.class));
	}

	@Test
	void theWebSocketChannelIsTheOnlyChannelWhenHmrIsActive(@TempDir Path root) {
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + root)
			.run((context) -> assertThat(context).hasSingleBean(ServerHotChannel.class)
				.hasSingleBean(WebSocketServerHotChannel.class)
				.doesNotHaveBean(InertServerHotChannel.class)
				.hasSingleBean(HmrProperties.class));
	}

	@Test
	void pluginsAreNotCalledWhenHmrIsDisabled(@TempDir Path root) throws IOException {
		Path file = Files.writeString(root.resolve("app.js"), "export {};");
		this.contextRunner.withPropertyValues("hmr.enabled=false", "hmr.watch.roots=" + root).run((context) -> {
			context.publishEvent(new FileChangeEvent(this, file, root, FileChangeKind.MODIFIED, 1L));
			assertThat(context.getBean(RecordingPlugin.class).changes).isEmpty();
		});
	}

	@Test
	void pluginsAreCalledOnTheSameChangeWhenHmrIsActive(@TempDir Path root) throws IOException {
		Path file = Files.writeString(root.resolve("app.js"), "export {};");
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + root).run((context) -> {
			context.publishEvent(new FileChangeEvent(this, file, root, FileChangeKind.MODIFIED, 1L));
			assertThat(context.getBean(RecordingPlugin.class).changes).containsExactly(file);
		});
	}

	@Test
	void startsNoHmrThreadWhenHmrIsDisabled() {
		// Cached contexts of other tests in this JVM may have theirs: only new ones count
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		this.contextRunner.withPropertyValues("hmr.enabled=false").run((context) -> {
			context.getBean(ServerHotChannel.class).send("app:message", "hi");
			assertThat(Thread.getAllStackTraces().keySet()).filteredOn((thread) -> !before.contains(thread))
				.extracting(Thread::getName)
				.noneMatch((name) -> name.startsWith("hmr-"));
		});
	}

	@Test
	void theThreadCheckSeesTheRuntimesThreadsWhenHmrIsActive(@TempDir Path root) {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + root)
			.run((context) -> assertThat(Thread.getAllStackTraces().keySet())
				.filteredOn((thread) -> !before.contains(thread))
				.extracting(Thread::getName)
				.anyMatch((name) -> name.startsWith("hmr-")));
	}

	@Configuration(proxyBeanMethods = false)
	static class PluginConfiguration {

		@Bean
		RecordingPlugin recordingPlugin() {
			return new RecordingPlugin();
		}

	}

	static class RecordingPlugin implements HmrPlugin {

		final List<Path> changes = new CopyOnWriteArrayList<>();

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) {
			this.changes.add(context.getFile());
			return null;
		}

	}

}
