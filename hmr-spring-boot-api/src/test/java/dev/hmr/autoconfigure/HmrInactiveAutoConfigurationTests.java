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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hmr.channel.HotChannelClient;
import dev.hmr.channel.HotChannelListener;
import dev.hmr.channel.InertServerHotChannel;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.graph.ModuleNode;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotPayload;
import dev.hmr.plugin.HmrContext;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.watch.FileChangeEvent;
import dev.hmr.watch.FileChangeKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrInactiveAutoConfiguration}: the API without the development
 * runtime, as in a packaged application.
 */
class HmrInactiveAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HmrInactiveAutoConfiguration.class));

	@Test
	void isListedAsAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(HmrInactiveAutoConfiguration.class.getName());
	}

	@Test
	void definesTheInertChannel() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ServerHotChannel.class)
			.getBean(ServerHotChannel.class)
			.isInstanceOf(InertServerHotChannel.class));
	}

	@Test
	void bindsTheHmrProperties() {
		this.contextRunner.withPropertyValues("hmr.path=/hot", "hmr.overlay=false").run((context) -> {
			assertThat(context).hasSingleBean(HmrProperties.class);
			HmrProperties properties = context.getBean(HmrProperties.class);
			assertThat(properties.getPath()).isEqualTo("/hot");
			assertThat(properties.isOverlay()).isFalse();
		});
	}

	@Test
	void backsOffFromTheApplicationsOwnChannel() {
		this.contextRunner.withUserConfiguration(UserChannelConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ServerHotChannel.class);
			assertThat(context.getBean(ServerHotChannel.class)).isSameAs(context.getBean("userChannel"));
		});
	}

	@Test
	void neverCallsPluginsEvenWhenAFileChanges() {
		this.contextRunner.withUserConfiguration(PluginConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			context.publishEvent(new FileChangeEvent(this, Path.of("/project/static/app.js"),
					Path.of("/project/static"), FileChangeKind.MODIFIED, 1L));
			context.getBean(ServerHotChannel.class).send(FullReloadPayload.page("/index.html"));
			assertThat(context.getBean(RecordingPlugin.class).calls).isEmpty();
		});
	}

	@Test
	void startsNoHmrThread() {
		this.contextRunner.withUserConfiguration(PluginConfiguration.class).run((context) -> {
			context.getBean(ServerHotChannel.class).on("app:message", (data, client) -> {
			});
			assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
				.noneMatch((name) -> name.startsWith("hmr-"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserChannelConfiguration {

		@Bean
		ServerHotChannel userChannel() {
			return new ServerHotChannel() {

				@Override
				public void send(HotPayload payload) {
				}

				@Override
				public void on(String event, HotChannelListener listener) {
				}

				@Override
				public void off(String event, HotChannelListener listener) {
				}

				@Override
				public void send(HotChannelClient client, HotPayload payload) {
				}

				@Override
				public Collection<HotChannelClient> clients() {
					return List.of();
				}

				@Override
				public void close() {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PluginConfiguration {

		@Bean
		RecordingPlugin recordingPlugin() {
			return new RecordingPlugin();
		}

	}

	static class RecordingPlugin implements HmrPlugin {

		final List<String> calls = new ArrayList<>();

		@Override
		public @Nullable List<ModuleNode> handleHotUpdate(HmrContext context) {
			this.calls.add("handleHotUpdate " + context.getFile());
			return null;
		}

		@Override
		public @Nullable String load(String id) {
			this.calls.add("load " + id);
			return null;
		}

		@Override
		public @Nullable String transform(String code, String id) {
			this.calls.add("transform " + id);
			return null;
		}

	}

}
