package dev.hmr.autoconfigure;

import java.util.ArrayList;
import java.nio.file.Path;
import dev.hmr.client.HmrClientRequestHandler;
import dev.hmr.client.HmrClientScript;
import dev.hmr.client.HmrClientSettings;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.engine.HmrEngine;
import dev.hmr.engine.HmrWarmUp;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.serve.HmrModuleTransformer;
import dev.hmr.serve.HtmlClientInjectionFilter;
import dev.hmr.serve.SourceResourceConfigurer;
import dev.hmr.transform.HtmlClientInjector;
import dev.hmr.watch.SourceRoots;
import dev.hmr.watch.SourceWatcher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.bind.Binder;
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnHmrEnabled
	@EnableConfigurationProperties(HmrProperties.class)
	static class ModuleGraphConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModuleGraph moduleGraph() {
			return new ModuleGraph();
		}

		@Bean
		@ConditionalOnMissingBean
		HmrClock hmrClock() {
			return new HmrClock();
		}

		@Bean
		@ConditionalOnMissingBean
		SourceRoots hmrSourceRoots(HmrProperties properties, org.springframework.core.io.ResourceLoader resourceLoader) {
			HmrProperties.Watch watch = properties.getWatch();
			if (!watch.getRoots().isEmpty()) {
				return SourceRoots.of(watch.getRoots(), watch.getInclude(), watch.getExclude());
			}
			ClassLoader classLoader = (resourceLoader.getClassLoader() != null) ? resourceLoader.getClassLoader()
					: HmrAutoConfiguration.class.getClassLoader();
			return SourceRoots.discover(classLoader, Path.of("").toAbsolutePath(), watch.getInclude(),
					watch.getExclude());
		}

		@Bean
		@ConditionalOnMissingBean
		SourceWatcher hmrSourceWatcher(SourceRoots hmrSourceRoots, ApplicationEventPublisher eventPublisher,
				HmrProperties properties) {
			SourceWatcher watcher = new SourceWatcher(hmrSourceRoots, eventPublisher);
			watcher.setInotify(properties.getWatch().isInotify());
			return watcher;
		}

		@Bean
		@ConditionalOnMissingBean
		HmrEngine hmrEngine(ModuleGraph moduleGraph, ServerHotChannel serverHotChannel, HmrClock hmrClock,
				ObjectProvider<HmrPlugin> plugins, SourceRoots hmrSourceRoots) {
			return new HmrEngine(moduleGraph, serverHotChannel, hmrClock, plugins.orderedStream().toList(),
					servedRoots(hmrSourceRoots));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnHmrEnabled
	@EnableConfigurationProperties(HmrProperties.class)
	static class ServeConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "hmr.warm-up", matchIfMissing = true)
		HmrWarmUp hmrWarmUp(HotPayloadCodec hotPayloadCodec) {
			return new HmrWarmUp(hotPayloadCodec, HmrWarmUp.DEFAULT_ROUNDS);
		}

		@Bean
		@ConditionalOnMissingBean
		HmrClientScript hmrClientScript(HmrSocketSettings hmrSocketSettings, HmrProperties properties,
				Environment environment) {
			return new HmrClientScript(new HmrClientSettings(hmrSocketSettings.protocol(), hmrSocketSettings.host(),
					hmrSocketSettings.browserPort(), hmrSocketSettings.path(), hmrSocketSettings.timeout(),
					properties.isOverlay(), hmrSocketSettings.token().value(), contextPath(environment) + "/"));
		}

		@Bean
		@ConditionalOnMissingBean(name = "hmrClientHandlerMapping")
		SimpleUrlHandlerMapping hmrClientHandlerMapping(HmrClientScript hmrClientScript) {
			HmrClientRequestHandler handler = new HmrClientRequestHandler(hmrClientScript);
			Map<String, Object> urlMap = new java.util.LinkedHashMap<>();
			HmrClientScript.PATHS.forEach((path) -> urlMap.put(path, handler));
			SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(urlMap);
			mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return mapping;
		}

		@Bean
		@ConditionalOnMissingBean
		HmrModuleTransformer hmrModuleTransformer(ModuleGraph moduleGraph, ServerHotChannel serverHotChannel,
				HmrClock hmrClock, ObjectProvider<HmrPlugin> plugins, SourceRoots hmrSourceRoots,
				Environment environment) {
			return new HmrModuleTransformer(moduleGraph, serverHotChannel, hmrClock, plugins.orderedStream().toList(),
					servedRoots(hmrSourceRoots), contextPath(environment));
		}

		/**
		 * Not when the application turned Spring Boot's static resource handling off
		 * ({@code spring.web.resources.add-mappings=false}): serving the source roots would
		 * switch back on, in development only, what it chose to have off. An application's
		 * own handler for the same pattern replaces this one, as Spring MVC keeps the last
		 * registration of a pattern.
		 */
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "spring.web.resources.add-mappings", matchIfMissing = true)
		SourceResourceConfigurer hmrSourceResourceConfigurer(SourceRoots hmrSourceRoots,
				HmrModuleTransformer hmrModuleTransformer, Environment environment) {
			// Bound as Boot binds them, so that a YAML list (static-locations[0], ...) counts
			List<String> staticLocations = List.of(Binder.get(environment)
				.bindOrCreate("spring.web.resources", WebProperties.Resources.class)
				.getStaticLocations());
			String pattern = environment.getProperty("spring.mvc.static-path-pattern", "/**");
			return new SourceResourceConfigurer(servedRoots(hmrSourceRoots), staticLocations, pattern,
					List.of(hmrModuleTransformer), templateRoots(hmrSourceRoots));
		}

		@Bean
		@ConditionalOnMissingBean(name = "hmrHtmlClientInjectionFilter")
		FilterRegistrationBean<HtmlClientInjectionFilter> hmrHtmlClientInjectionFilter(Environment environment) {
			HtmlClientInjector injector = new HtmlClientInjector(clientUrl(environment));
			FilterRegistrationBean<HtmlClientInjectionFilter> registration = new FilterRegistrationBean<>(
					new HtmlClientInjectionFilter(injector::inject));
			// Late, so that filters which hash or compress the body see the page with the client
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
			registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.FORWARD);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnHmrEnabled
	@ConditionalOnClass(name = "org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver")
	static class ThymeleafConfiguration {

		@Bean
		static HmrThymeleafTemplatesPostProcessor hmrThymeleafTemplatesPostProcessor(
				ObjectProvider<SourceRoots> hmrSourceRoots) {
			return new HmrThymeleafTemplatesPostProcessor(hmrSourceRoots);
		}

	}

	/**
	 * The roots served to browsers: all but server-side template folders, which are
	 * watched (a change reloads the page) but never sent as they are.
	 */
	static List<Path> servedRoots(SourceRoots roots) {
		return roots.getRoots().stream().filter((root) -> !isTemplates(root)).toList();
	}

	private static List<Path> templateRoots(SourceRoots roots) {
		return roots.getRoots().stream().filter(HmrAutoConfiguration::isTemplates).toList();
	}

	/**
	 * The watched root that holds server-side templates, if there is one.
	 */
	static @Nullable Path templatesRoot(SourceRoots roots) {
		return roots.getRoots().stream().filter(HmrAutoConfiguration::isTemplates).findFirst().orElse(null);
	}

	private static boolean isTemplates(Path root) {
		Path name = root.getFileName();
		return name != null && name.toString().equals("templates");
	}

	private static String clientUrl(Environment environment) {
		return contextPath(environment) + HmrClientScript.CLIENT_PATH;
	}

	private static String contextPath(Environment environment) {
		return StringUtils.trimTrailingCharacter(environment.getProperty("server.servlet.context-path", ""), '/');
	}

}
