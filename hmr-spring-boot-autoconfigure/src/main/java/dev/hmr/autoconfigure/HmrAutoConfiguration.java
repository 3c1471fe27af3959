package dev.hmr.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import dev.hmr.channel.HmrSocketSettings;
import dev.hmr.channel.HmrToken;
import dev.hmr.channel.HotChannelHandshakeInterceptor;
import dev.hmr.channel.HotChannelWebSocketHandler;
import dev.hmr.channel.WebSocketServerHotChannel;
import dev.hmr.payload.HotPayloadCodec;

/**
 * Auto-configuration of hot module replacement in a servlet web application: the HMR
 * WebSocket at {@code hmr.path} and the {@link dev.hmr.channel.ServerHotChannel} behind
 * it, active while {@link ConditionalOnHmrEnabled HMR is enabled}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ WebSocketHandler.class, DispatcherServlet.class })
public final class HmrAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.web.server.context.WebServerInitializedEvent")
	static class StartupLogConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HmrStartupLogger hmrStartupLogger(Environment environment, ObjectProvider<HmrSocketSettings> settings) {
			// Decided here, during the refresh, as the condition was: it reads the stack
			return new HmrStartupLogger(HmrEnablement.deduce(environment), settings);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnHmrEnabled
	@EnableConfigurationProperties(HmrProperties.class)
	static class HotChannelConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HmrToken hmrToken() {
			return HmrToken.generate();
		}

		@Bean
		@ConditionalOnMissingBean
		HotPayloadCodec hotPayloadCodec() {
			// Not the application's JsonMapper: its naming strategy or inclusion settings
			// would change the fields Vite's client reads
			return new HotPayloadCodec();
		}

		@Bean
		@ConditionalOnMissingBean
		WebSocketServerHotChannel serverHotChannel(HotPayloadCodec hotPayloadCodec, HmrProperties properties) {
			WebSocketServerHotChannel channel = new WebSocketServerHotChannel(hotPayloadCodec);
			channel.setSendTimeLimit(properties.getSendTimeLimit());
			channel.setSendBufferSizeLimit(properties.getSendBufferSizeLimit());
			return channel;
		}

		@Bean
		@ConditionalOnMissingBean
		HmrSocketSettings hmrSocketSettings(HmrToken hmrToken, HmrProperties properties, Environment environment) {
			String contextPath = StringUtils.trimTrailingCharacter(
					environment.getProperty("server.servlet.context-path", ""), '/');
			String protocol = (properties.getProtocol() != null)
					? properties.getProtocol().name().toLowerCase(Locale.ROOT) : null;
			return new HmrSocketSettings(hmrToken, contextPath + properties.getPath(), protocol, properties.getHost(),
					properties.getPort(), properties.getClientPort(), properties.getTimeout());
		}

		@Bean
		@ConditionalOnMissingBean
		HotChannelWebSocketHandler hotChannelWebSocketHandler(WebSocketServerHotChannel serverHotChannel) {
			return new HotChannelWebSocketHandler(serverHotChannel);
		}

		@Bean
		@ConditionalOnMissingBean
		HotChannelHandshakeInterceptor hotChannelHandshakeInterceptor(HmrToken hmrToken, HmrProperties properties,
				WebSocketServerHotChannel serverHotChannel) {
			List<String> allowedHosts = new ArrayList<>(properties.getAllowedHosts());
			if (properties.getHost() != null) {
				allowedHosts.add(properties.getHost());
			}
			return new HotChannelHandshakeInterceptor(hmrToken, allowedHosts, serverHotChannel::isAccepting);
		}

		/**
		 * Our own handler mapping rather than a {@code WebSocketConfigurer}: a configurer
		 * only takes effect with {@code @EnableWebSocket}, which would then switch on
		 * Spring's WebSocket configuration (its {@code webSocketHandlerMapping} and a
		 * task scheduler) for the whole application. A mapping under its own name needs
		 * nothing from the user and sits beside the one of a user's
		 * {@code @EnableWebSocket}. It matches only WebSocket upgrades of exactly
		 * {@code hmr.path}, so it goes first without shadowing the application's routes.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hmrWebSocketHandlerMapping")
		WebSocketHandlerMapping hmrWebSocketHandlerMapping(HotChannelWebSocketHandler hotChannelWebSocketHandler,
				HotChannelHandshakeInterceptor hotChannelHandshakeInterceptor, HmrProperties properties) {
			WebSocketHttpRequestHandler requestHandler = new WebSocketHttpRequestHandler(hotChannelWebSocketHandler,
					new DefaultHandshakeHandler());
			requestHandler.setHandshakeInterceptors(List.of(hotChannelHandshakeInterceptor));
			WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
			mapping.setUrlMap(Map.of(properties.getPath(), requestHandler));
			mapping.setWebSocketUpgradeMatch(true);
			mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return mapping;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnHmrEnabled
	@ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
	@Conditional(OnDedicatedPortCondition.class)
	@EnableConfigurationProperties(HmrProperties.class)
	static class DedicatedPortConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HmrPortTomcatCustomizer hmrPortTomcatCustomizer(HmrProperties properties) {
			return new HmrPortTomcatCustomizer(dedicatedPort(properties));
		}

		@Bean
		@ConditionalOnMissingBean(name = "hmrPortFilter")
		FilterRegistrationBean<HmrPortFilter> hmrPortFilter(HmrProperties properties) {
			FilterRegistrationBean<HmrPortFilter> registration = new FilterRegistrationBean<>(
					new HmrPortFilter(dedicatedPort(properties), properties.getPath()));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		private static int dedicatedPort(HmrProperties properties) {
			Integer port = properties.getPort();
			if (port == null) {
				throw new IllegalStateException("hmr.port must be set for a dedicated HMR listener");
			}
			return port;
		}

	}

}
