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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;

import dev.hmr.channel.HmrSocketSettings;
import dev.hmr.channel.HmrToken;
import dev.hmr.channel.HotChannelHandshakeInterceptor;
import dev.hmr.channel.HotChannelWebSocketHandler;
import dev.hmr.channel.InMemoryServerHotChannel;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.WebSocketServerHotChannel;
import dev.hmr.client.HmrClientScript;
import dev.hmr.client.HmrClientSettings;
import dev.hmr.engine.HmrEngine;
import dev.hmr.engine.HmrWarmUp;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.payload.HotPayloadCodec;
import dev.hmr.serve.HmrModuleTransformer;
import dev.hmr.serve.SourceResourceConfigurer;
import dev.hmr.watch.SourceRoots;
import dev.hmr.watch.SourceWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HmrAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HmrAutoConfiguration.class, HmrStartupLogAutoConfiguration.class));

	@Test
	void definesTheHotChannelWhenEnabled() {
		this.contextRunner.withPropertyValues("hmr.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ServerHotChannel.class)
				.hasSingleBean(WebSocketServerHotChannel.class)
				.hasSingleBean(HmrToken.class)
				.hasSingleBean(HotPayloadCodec.class)
				.hasSingleBean(HmrSocketSettings.class)
				.hasSingleBean(HotChannelWebSocketHandler.class)
				.hasSingleBean(HotChannelHandshakeInterceptor.class)
				.hasSingleBean(HmrProperties.class)
				.hasBean("hmrWebSocketHandlerMapping")
				.hasBean("hmrStartupLogger");
			assertThat(context.getBean("hmrWebSocketHandlerMapping", WebSocketHandlerMapping.class).getUrlMap())
				.containsOnlyKeys("/@hmr");
		});
	}

	@Test
	void warmsUpTheSavePathByDefault() {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(HmrWarmUp.class));
	}

	@Test
	void leavesTheHmrPathsOutOfSpringSecurityWhenEnabled() {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.run((context) -> assertThat(context).hasBean("hmrWebSecurityCustomizer"));
	}

	@Test
	void springSecuritySupportCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.security.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hmrWebSecurityCustomizer"));
	}

	@Test
	void nothingIsAddedToSpringSecurityWhileHmrIsInactive() {
		this.contextRunner.withPropertyValues("hmr.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hmrWebSecurityCustomizer"));
	}

	@Test
	void warmUpCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.warm-up=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HmrWarmUp.class));
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void watchesThroughInotifyOnLinuxUnlessTurnedOff(@TempDir Path project, CapturedOutput output) throws IOException {
		Path root = Files.createDirectories(project.resolve("static")).toRealPath();
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + root)
			.run((context) -> assertThat(output).contains("Watching [" + root + "] for changes (inotify)"));
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + root, "hmr.watch.inotify=false")
			.run((context) -> assertThat(output).contains("Watching [" + root + "] for changes (directory-watcher)"));
	}

	@Test
	void pollsTheRootsWhenAPollIntervalIsSet(@TempDir Path project) throws IOException {
		Path root = Files.createDirectories(project.resolve("static")).toRealPath();
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + root)
			.run((context) -> assertThat(context.getBean(SourceWatcher.class).getNotifierName())
				.doesNotContain("polling"));
		this.contextRunner
			.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + root, "hmr.watch.poll-interval=250ms")
			.run((context) -> assertThat(context.getBean(SourceWatcher.class).getNotifierName())
				.endsWith(", and polling every 250 ms"));
	}

	@Test
	void theSocketsOwnHostIsAnAllowedHost() {
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.host=dev.example.test").run((context) -> {
			HotChannelHandshakeInterceptor interceptor = context.getBean(HotChannelHandshakeInterceptor.class);
			assertThat(handshake(context, interceptor, "dev.example.test")).isTrue();
			assertThat(handshake(context, interceptor, "other.example.test")).isFalse();
		});
	}

	@Test
	void watchIncludeAndExcludeSelectTheSources(@TempDir Path project) throws IOException {
		Path root = Files.createDirectories(project.resolve("static")).toRealPath();
		this.contextRunner
			.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + root, "hmr.watch.include=**/*.js",
					"hmr.watch.exclude=vendor/**")
			.run((context) -> {
				SourceRoots roots = context.getBean(SourceRoots.class);
				assertThat(roots.includes(root.resolve("js/app.js"))).isTrue();
				assertThat(roots.includes(root.resolve("css/site.css"))).isFalse();
				assertThat(roots.includes(root.resolve("vendor/lib.js"))).isFalse();
			});
	}

	@Test
	void staticLocationsAreReadAsBootBindsThemFromAYamlList() {
		this.contextRunner
			.withPropertyValues("hmr.enabled=true", "spring.web.resources.static-locations[0]=classpath:/assets/")
			.run((context) -> assertThat(context.getBean(SourceResourceConfigurer.class)).extracting("staticLocations")
				.isEqualTo(List.of("classpath:/assets/")));
	}

	private static boolean handshake(AssertableWebApplicationContext context,
			HotChannelHandshakeInterceptor interceptor, String host) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/@hmr");
		request.setRemoteAddr("127.0.0.1");
		request.setServerName(host);
		request.addHeader("Host", host);
		request.addHeader("Sec-WebSocket-Protocol", "vite-hmr");
		return interceptor.beforeHandshake(new ServletServerHttpRequest(request),
				new ServletServerHttpResponse(new MockHttpServletResponse()),
				context.getBean(HotChannelWebSocketHandler.class), new HashMap<>());
	}

	@Test
	void definesNothingButTheStartupLogWhenDisabled() {
		this.contextRunner.withPropertyValues("hmr.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ServerHotChannel.class)
				.doesNotHaveBean(HmrProperties.class)
				.doesNotHaveBean("hmrWebSocketHandlerMapping")
				.hasBean("hmrStartupLogger");
		});
	}

	@Test
	void thymeleafReadsTemplatesFromTheTemplatesRootUncachedWhileEnabled(@TempDir Path project) throws IOException {
		Path templates = Files.createDirectories(project.resolve("templates")).toRealPath();
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + templates)
			.withBean("defaultTemplateResolver", SpringResourceTemplateResolver.class,
					() -> templateResolver("classpath:/templates/"))
			.run((context) -> {
				SpringResourceTemplateResolver resolver = context.getBean(SpringResourceTemplateResolver.class);
				assertThat(resolver.getPrefix()).isEqualTo(templates.toUri().toString())
					.startsWith("file:")
					.endsWith("/");
				assertThat(resolver.isCacheable()).isFalse();
			});
	}

	@Test
	void thymeleafIsLeftAloneWhenDisabled(@TempDir Path project) throws IOException {
		Path templates = Files.createDirectories(project.resolve("templates")).toRealPath();
		this.contextRunner.withPropertyValues("hmr.enabled=false", "hmr.watch.roots=" + templates)
			.withBean("defaultTemplateResolver", SpringResourceTemplateResolver.class,
					() -> templateResolver("classpath:/templates/"))
			.run((context) -> {
				SpringResourceTemplateResolver resolver = context.getBean(SpringResourceTemplateResolver.class);
				assertThat(resolver.getPrefix()).isEqualTo("classpath:/templates/");
				assertThat(resolver.isCacheable()).isTrue();
			});
	}

	@Test
	void thymeleafKeepsAPrefixTheApplicationChose(@TempDir Path project) throws IOException {
		Path templates = Files.createDirectories(project.resolve("templates")).toRealPath();
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.watch.roots=" + templates)
			.withBean("defaultTemplateResolver", SpringResourceTemplateResolver.class,
					() -> templateResolver("classpath:/views/"))
			.run((context) -> {
				SpringResourceTemplateResolver resolver = context.getBean(SpringResourceTemplateResolver.class);
				assertThat(resolver.getPrefix()).isEqualTo("classpath:/views/");
				assertThat(resolver.isCacheable()).isTrue();
			});
	}

	private static SpringResourceTemplateResolver templateResolver(String prefix) {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix(prefix);
		resolver.setCacheable(true);
		return resolver;
	}

	@Test
	void isInactiveUnderATestRunnerWhenNotConfigured() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ServerHotChannel.class));
	}

	@Test
	void definesNothingInAnApplicationThatIsNotAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HmrAutoConfiguration.class, HmrStartupLogAutoConfiguration.class))
			.withPropertyValues("hmr.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerHotChannel.class)
				.doesNotHaveBean("hmrStartupLogger"));
	}

	@Test
	void definesNothingWithoutSpringWebSocket() {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withClassLoader(new FilteredClassLoader(WebSocketHandler.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ServerHotChannel.class)
				.doesNotHaveBean("hmrStartupLogger"));
	}

	@Test
	void bindsTheProperties() {
		this.contextRunner
			.withPropertyValues("hmr.enabled=true", "hmr.path=/hot", "hmr.host=dev.example.test", "hmr.port=24678",
					"hmr.client-port=443", "hmr.protocol=wss", "hmr.timeout=10s", "hmr.send-time-limit=2s",
					"hmr.send-buffer-size-limit=1MB", "hmr.allowed-hosts=a.test,.b.test",
					"server.servlet.context-path=/app")
			.run((context) -> {
				HmrProperties properties = context.getBean(HmrProperties.class);
				assertThat(properties.getAllowedHosts()).containsExactly("a.test", ".b.test");
				assertThat(properties.getSendTimeLimit()).isEqualTo(Duration.ofSeconds(2));
				assertThat(context.getBean(HmrSocketSettings.class)).satisfies((settings) -> {
					assertThat(settings.token()).isSameAs(context.getBean(HmrToken.class));
					assertThat(settings.contextPath()).isEqualTo("/app");
					assertThat(settings.path()).isEqualTo("/app/hot");
					assertThat(settings.protocol()).isEqualTo("wss");
					assertThat(settings.host()).isEqualTo("dev.example.test");
					assertThat(settings.port()).isEqualTo(24678);
					assertThat(settings.clientPort()).isEqualTo(443);
					assertThat(settings.browserPort()).isEqualTo(443);
					assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
				});
				assertThat(context.getBean("hmrWebSocketHandlerMapping", WebSocketHandlerMapping.class).getUrlMap())
					.containsOnlyKeys("/hot");
			});
	}

	@Test
	void aPortOutOfRangeFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.port=70000", "hmr.port must be between 1 and 65535");
	}

	@Test
	void aClientPortOutOfRangeFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.client-port=0", "hmr.client-port must be between 1 and 65535");
	}

	@Test
	void aPathThatIsNotAbsoluteFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.path=hmr", "hmr.path must start with '/'");
	}

	@Test
	void aPathWithAPatternFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.path=/hmr/**", "hmr.path must be a plain path");
	}

	@Test
	void aTimeoutThatIsNotPositiveFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.timeout=0s", "hmr.timeout must be positive");
	}

	@Test
	void aSendTimeLimitThatIsNotPositiveFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.send-time-limit=-1s", "hmr.send-time-limit must be positive");
	}

	@Test
	void aSendBufferSizeLimitThatIsNotPositiveFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.send-buffer-size-limit=0B", "hmr.send-buffer-size-limit must be between");
	}

	@Test
	void aHostThatIsAUrlFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.host=http://example.test/", "hmr.host must be a host name");
	}

	@Test
	void anEmptyAllowedHostFailsStartupNamingTheProperty() {
		assertStartupFailsWith("hmr.allowed-hosts=a.test, ,b.test", "hmr.allowed-hosts must not contain empty");
	}

	@Test
	void backsOffFromBeansTheUserDefined() {
		HmrToken token = HmrToken.of("user-token-1");
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withBean(HmrToken.class, () -> token)
			.run((context) -> {
				assertThat(context).getBean(HmrToken.class).isSameAs(token);
				assertThat(context.getBean(HmrSocketSettings.class).token()).isSameAs(token);
			});
	}

	@Test
	void aUsersServerHotChannelReplacesOursAndEverythingUsesIt() {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withUserConfiguration(UserChannelConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ServerHotChannel.class)
					.doesNotHaveBean(WebSocketServerHotChannel.class)
					.doesNotHaveBean(HotChannelWebSocketHandler.class)
					.doesNotHaveBean("hmrWebSocketHandlerMapping");
				ServerHotChannel channel = context.getBean(ServerHotChannel.class);
				assertThat(channel).isSameAs(context.getBean("userChannel"));
				assertThat(context.getBean(UserNotifier.class).channel).isSameAs(channel);
				assertThat(context.getBean(HmrEngine.class).getHot()).isSameAs(channel);
				assertThat(context.getBean(HmrModuleTransformer.class)).extracting("channel").isSameAs(channel);
			});
	}

	@Test
	void aUsersServerHotChannelDefinedByItsInterfaceTypeReplacesOurs() {
		InMemoryServerHotChannel channel = new InMemoryServerHotChannel();
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withBean(ServerHotChannel.class, () -> channel)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ServerHotChannel.class);
				assertThat(context).getBean(ServerHotChannel.class).isSameAs(channel);
				assertThat(context.getBean(HmrEngine.class).getHot()).isSameAs(channel);
			});
	}

	@Test
	void aUsersWebSocketServerHotChannelKeepsTheWebSocket() {
		WebSocketServerHotChannel channel = new WebSocketServerHotChannel(new HotPayloadCodec(), Duration.ofSeconds(1),
				DataSize.ofKilobytes(64));
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withBean(WebSocketServerHotChannel.class, () -> channel)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ServerHotChannel.class)
					.hasBean("hmrWebSocketHandlerMapping");
				assertThat(context).getBean(ServerHotChannel.class).isSameAs(channel);
			});
	}

	@Test
	void backsOffFromAUsersCodec() {
		assertBacksOffFrom(HotPayloadCodec.class, new HotPayloadCodec());
	}

	@Test
	void backsOffFromAUsersSocketSettings() {
		HmrSocketSettings settings = new HmrSocketSettings(HmrToken.of("user-token-1"), "", "/user-hmr", null, null,
				null, null, Duration.ofSeconds(10));
		assertBacksOffFrom(HmrSocketSettings.class, settings);
	}

	@Test
	void backsOffFromAUsersModuleGraph() {
		ModuleGraph graph = new ModuleGraph();
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withBean(ModuleGraph.class, () -> graph)
			.run((context) -> {
				assertThat(context).hasNotFailed().getBean(ModuleGraph.class).isSameAs(graph);
				assertThat(context.getBean(HmrEngine.class).getModuleGraph()).isSameAs(graph);
			});
	}

	@Test
	void backsOffFromAUsersClock() {
		assertBacksOffFrom(HmrClock.class, new HmrClock());
	}

	@Test
	void backsOffFromAUsersSourceRoots(@TempDir Path project) throws IOException {
		Path root = Files.createDirectories(project.resolve("assets")).toRealPath();
		assertBacksOffFrom(SourceRoots.class, SourceRoots.of(List.of(root), List.of(), List.of()));
	}

	@Test
	void backsOffFromAUsersClientScript() {
		assertBacksOffFrom(HmrClientScript.class, new HmrClientScript(
				new HmrClientSettings(null, null, null, "/@hmr", Duration.ofSeconds(30), true, "user-token-1", "/")));
	}

	@Test
	void backsOffFromAUsersWarmUp() {
		assertBacksOffFrom(HmrWarmUp.class, new HmrWarmUp(new HotPayloadCodec(), 0));
	}

	@Test
	void backsOffFromTheUsersEngineWatcherTransformerAndResourceConfigurer() {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withUserConfiguration(UserPipelineConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(HmrEngine.class)
					.hasSingleBean(SourceWatcher.class)
					.hasSingleBean(HmrModuleTransformer.class)
					.hasSingleBean(SourceResourceConfigurer.class);
				assertThat(context).getBean(HmrEngine.class).isSameAs(context.getBean("userEngine"));
				assertThat(context).getBean(SourceWatcher.class).isSameAs(context.getBean("userWatcher"));
				assertThat(context).getBean(HmrModuleTransformer.class).isSameAs(context.getBean("userTransformer"));
				assertThat(context).getBean(SourceResourceConfigurer.class)
					.isSameAs(context.getBean("userResourceConfigurer"));
			});
	}

	private <T> void assertBacksOffFrom(Class<T> type, T userBean) {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withBean("user", type, () -> userBean)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(type);
				assertThat(context).getBean(type).isSameAs(userBean);
			});
	}

	@Test
	void sitsBesideAUsersEnableWebSocket() {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withUserConfiguration(UserWebSocketConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean("hmrWebSocketHandlerMapping")
					.hasBean("webSocketHandlerMapping");
				assertThat(context.getBean("webSocketHandlerMapping", WebSocketHandlerMapping.class).getUrlMap())
					.containsOnlyKeys("/user");
			});
	}

	@Test
	void addsADedicatedListenerWhenThePortDiffersFromTheApplications() {
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.port=24678", "server.port=8081")
			.run((context) -> assertThat(context).hasSingleBean(HmrPortTomcatCustomizer.class)
				.hasBean("hmrPortFilter"));
	}

	@Test
	void addsNoListenerWhenThePortIsTheApplications() {
		this.contextRunner.withPropertyValues("hmr.enabled=true", "hmr.port=8080")
			.run((context) -> assertThat(context).doesNotHaveBean(HmrPortTomcatCustomizer.class)
				.doesNotHaveBean("hmrPortFilter"));
	}

	@Test
	void addsNoListenerWhenNoPortIsSet() {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(HmrPortTomcatCustomizer.class));
	}

	private void assertStartupFailsWith(String property, String message) {
		this.contextRunner.withPropertyValues("hmr.enabled=true", property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserChannelConfiguration {

		@Bean
		InMemoryServerHotChannel userChannel() {
			return new InMemoryServerHotChannel();
		}

		@Bean
		UserNotifier userNotifier(ServerHotChannel channel) {
			return new UserNotifier(channel);
		}

	}

	static class UserNotifier {

		final ServerHotChannel channel;

		UserNotifier(ServerHotChannel channel) {
			this.channel = channel;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserPipelineConfiguration {

		@Bean
		HmrEngine userEngine(ModuleGraph graph, ServerHotChannel channel, HmrClock clock) {
			return new HmrEngine(graph, channel, clock, List.of(), List.of());
		}

		@Bean
		SourceWatcher userWatcher(ApplicationEventPublisher eventPublisher) {
			return new SourceWatcher(SourceRoots.of(List.of(), List.of(), List.of()), eventPublisher);
		}

		@Bean
		HmrModuleTransformer userTransformer(ModuleGraph graph, ServerHotChannel channel, HmrClock clock) {
			return new HmrModuleTransformer(graph, channel, clock, List.of(), List.of(), "/@vite/client");
		}

		@Bean
		SourceResourceConfigurer userResourceConfigurer(HmrModuleTransformer transformer) {
			return new SourceResourceConfigurer(List.of(), List.of(), "/**", List.of(transformer), List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSocket
	static class UserWebSocketConfiguration {

		@Bean
		WebSocketConfigurer userWebSocketConfigurer() {
			return (registry) -> registry.addHandler(new TextWebSocketHandler(), "/user");
		}

	}

}
