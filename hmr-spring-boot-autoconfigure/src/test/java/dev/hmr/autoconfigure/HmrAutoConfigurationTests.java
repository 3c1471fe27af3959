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
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;

import dev.hmr.channel.HmrSocketSettings;
import dev.hmr.channel.HmrToken;
import dev.hmr.channel.HotChannelHandshakeInterceptor;
import dev.hmr.channel.HotChannelWebSocketHandler;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.WebSocketServerHotChannel;
import dev.hmr.engine.HmrWarmUp;
import dev.hmr.payload.HotPayloadCodec;
import dev.hmr.serve.SourceResourceConfigurer;
import dev.hmr.watch.SourceRoots;

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

	private static boolean handshake(AssertableWebApplicationContext context, HotChannelHandshakeInterceptor interceptor,
			String host) {
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
				assertThat(resolver.getPrefix()).isEqualTo(templates.toUri().toString()).startsWith("file:").endsWith("/");
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
	void sitsBesideAUsersEnableWebSocket() {
		this.contextRunner.withPropertyValues("hmr.enabled=true")
			.withUserConfiguration(UserWebSocketConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("hmrWebSocketHandlerMapping").hasBean("webSocketHandlerMapping");
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
	@EnableWebSocket
	static class UserWebSocketConfiguration {

		@Bean
		WebSocketConfigurer userWebSocketConfigurer() {
			return (registry) -> registry.addHandler(new TextWebSocketHandler(), "/user");
		}

	}

}
