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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import dev.hmr.access.AllowedHosts;
import dev.hmr.access.DeniedFiles;
import dev.hmr.access.HmrAccessGuard;
import dev.hmr.access.RemoteAddresses;
import dev.hmr.channel.HmrSocketSettings;
import dev.hmr.channel.HmrToken;
import dev.hmr.channel.HotChannelHandshakeInterceptor;
import dev.hmr.channel.HotChannelWebSocketHandler;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.WebSocketServerHotChannel;
import dev.hmr.client.HmrClientRequestHandler;
import dev.hmr.client.HmrClientScript;
import dev.hmr.client.HmrClientSettings;
import dev.hmr.engine.HmrEngine;
import dev.hmr.engine.HmrWarmUp;
import dev.hmr.engine.PageUpdates;
import dev.hmr.engine.UpdateHistory;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.payload.HotPayloadCodec;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.plugin.ModuleIds;
import dev.hmr.serve.HmrModuleTransformer;
import dev.hmr.serve.HtmlClientInjectionFilter;
import dev.hmr.serve.RenderedPages;
import dev.hmr.serve.SourceResourceConfigurer;
import dev.hmr.serve.WarmUpModules;
import dev.hmr.serve.WebJarImportMap;
import dev.hmr.transform.HtmlClientInjector;
import dev.hmr.typescript.JsxOptions;
import dev.hmr.typescript.TypeScriptTranspiler;
import dev.hmr.typescript.refresh.PreactRefreshRegistration;
import dev.hmr.watch.SourceRoots;
import dev.hmr.watch.SourceWatcher;

/**
 * Auto-configuration of hot module replacement in a servlet web application, active while
 * {@link ConditionalOnHmrEnabled HMR is enabled}: the {@link ServerHotChannel} and its
 * WebSocket at {@code hmr.path}, the watcher of the source roots, the engine, the serving
 * of the sources and the browser client.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ WebSocketHandler.class, DispatcherServlet.class })
@ConditionalOnHmrEnabled
@EnableConfigurationProperties(HmrProperties.class)
public final class HmrAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class ChannelConfiguration {

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
		HmrSocketSettings hmrSocketSettings(HmrToken hmrToken, HmrProperties properties, Environment environment) {
			String contextPath = StringUtils
				.trimTrailingCharacter(environment.getProperty("server.servlet.context-path", ""), '/');
			HmrProperties.Protocol protocol = properties.getProtocol();
			return new HmrSocketSettings(hmrToken, contextPath, contextPath + properties.getPath(),
					(protocol != null) ? protocol.scheme() : null, properties.getHost(), properties.getPort(),
					properties.getClientPort(), properties.getTimeout());
		}

		@Bean
		@ConditionalOnMissingBean(ServerHotChannel.class)
		WebSocketServerHotChannel serverHotChannel(HotPayloadCodec hotPayloadCodec, HmrProperties properties) {
			return new WebSocketServerHotChannel(hotPayloadCodec, properties.getSendTimeLimit(),
					properties.getSendBufferSizeLimit(), properties.getMaxMessageSize());
		}

	}

	/**
	 * The WebSocket of our own channel; a channel the application defines instead brings
	 * its own transport.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(value = ServerHotChannel.class, ignored = WebSocketServerHotChannel.class)
	static class WebSocketConfiguration {

		@Bean
		HotChannelWebSocketHandler hotChannelWebSocketHandler(WebSocketServerHotChannel serverHotChannel) {
			return serverHotChannel.createWebSocketHandler();
		}

		@Bean
		HotChannelHandshakeInterceptor hotChannelHandshakeInterceptor(HmrSocketSettings hmrSocketSettings,
				AllowedHosts hmrAllowedHosts, WebSocketServerHotChannel serverHotChannel) {
			return new HotChannelHandshakeInterceptor(hmrSocketSettings.token(), hmrAllowedHosts,
					serverHotChannel::isAccepting);
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
					hotChannelWebSocketHandler.createHandshakeHandler());
			requestHandler.setHandshakeInterceptors(List.of(hotChannelHandshakeInterceptor));
			WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
			mapping.setUrlMap(Map.of(properties.getPath(), requestHandler));
			mapping.setWebSocketUpgradeMatch(true);
			mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return mapping;
		}

	}

	/**
	 * Who may reach what the starter serves: the same allowed hosts for the socket, the
	 * starter's paths, the served files and the pages that get the client.
	 */
	@Configuration(proxyBeanMethods = false)
	static class AccessConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AllowedHosts hmrAllowedHosts(HmrProperties properties) {
			return AllowedHosts.of(properties.getAllowedHosts(), properties.getHost());
		}

		@Bean
		@ConditionalOnMissingBean
		DeniedFiles hmrDeniedFiles(HmrProperties properties) {
			return new DeniedFiles(properties.getFs().getDeny());
		}

		@Bean
		@ConditionalOnMissingBean
		HmrAccessGuard hmrAccessGuard(AllowedHosts hmrAllowedHosts, DeniedFiles hmrDeniedFiles,
				HmrProperties properties) {
			return new HmrAccessGuard(hmrAllowedHosts, hmrDeniedFiles,
					new RemoteAddresses(properties.getAllowedRemoteAddresses()));
		}

		/**
		 * After a {@code ForwardedHeaderFilter} ({@code server.forward-headers-strategy=
		 * framework}), before everything else of the starter's.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hmrAccessFilter")
		FilterRegistrationBean<Filter> hmrAccessFilter(HmrAccessGuard hmrAccessGuard, HmrProperties properties) {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
					hmrAccessGuard.filter(properties.getPath()));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

		@Bean
		WebMvcConfigurer hmrAccessConfigurer(HmrAccessGuard hmrAccessGuard) {
			HandlerInterceptor interceptor = hmrAccessGuard.resourceInterceptor();
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(interceptor);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnDedicatedPortCondition.class)
	static class DedicatedPortConfiguration {

		// hmr.port is set: OnDedicatedPortCondition matched

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
		static class TomcatPortConfiguration {

			@Bean
			HmrPortTomcatCustomizer hmrPortTomcatCustomizer(HmrProperties properties) {
				return new HmrPortTomcatCustomizer(properties.getPort());
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.jetty.servlet.JettyServletWebServerFactory")
		static class JettyPortConfiguration {

			@Bean
			HmrPortJettyCustomizer hmrPortJettyCustomizer(HmrProperties properties) {
				return new HmrPortJettyCustomizer(properties.getPort());
			}

		}

		@Bean
		@ConditionalOnMissingBean(name = "hmrPortFilter")
		FilterRegistrationBean<HmrPortFilter> hmrPortFilter(HmrProperties properties) {
			FilterRegistrationBean<HmrPortFilter> registration = new FilterRegistrationBean<>(
					new HmrPortFilter(properties.getPort(), properties.getPath()));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WatchConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SourceRoots hmrSourceRoots(HmrProperties properties, ResourceLoader resourceLoader) {
			HmrProperties.Watch watch = properties.getWatch();
			return SourceRoots.configuredOrDiscovered(watch.getRoots(), watch.getInclude(), watch.getExclude(),
					resourceLoader.getClassLoader());
		}

		@Bean
		@ConditionalOnMissingBean
		SourceWatcher hmrSourceWatcher(SourceRoots hmrSourceRoots, ApplicationEventPublisher eventPublisher,
				HmrProperties properties) {
			SourceWatcher watcher = new SourceWatcher(hmrSourceRoots, eventPublisher);
			watcher.setInotify(properties.getWatch().isInotify());
			watcher.setPollInterval(properties.getWatch().getPollInterval());
			return watcher;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EngineConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModuleGraph moduleGraph(HmrProperties properties) {
			return new ModuleGraph(properties.getMaxModules());
		}

		@Bean
		@ConditionalOnMissingBean
		HmrClock hmrClock() {
			return new HmrClock();
		}

		@Bean
		@ConditionalOnMissingBean
		UpdateHistory hmrUpdateHistory() {
			return new UpdateHistory();
		}

		@Bean
		@ConditionalOnMissingBean
		HmrEngine hmrEngine(ModuleGraph moduleGraph, ServerHotChannel serverHotChannel, HmrClock hmrClock,
				ObjectProvider<HmrPlugin> plugins, SourceRoots hmrSourceRoots, ObjectProvider<PageUpdates> pageUpdates,
				ObjectProvider<UpdateHistory> hmrUpdateHistory) {
			HmrEngine engine = new HmrEngine(moduleGraph, serverHotChannel, hmrClock, plugins.orderedStream().toList(),
					hmrSourceRoots.getServedRoots());
			engine.setPageUpdates(pageUpdates.getIfAvailable());
			engine.setUpdateHistory(hmrUpdateHistory.getIfAvailable());
			return engine;
		}

		@Bean
		@ConditionalOnMissingBean
		RenderedPages hmrRenderedPages() {
			return new RenderedPages();
		}

		@Bean
		@ConditionalOnMissingBean
		PageUpdates hmrPageUpdates(ServerHotChannel serverHotChannel, RenderedPages hmrRenderedPages) {
			return new PageUpdates(serverHotChannel, hmrRenderedPages);
		}

	}

	/**
	 * Not when the application turned Spring Boot's static resource handling off
	 * ({@code spring.web.resources.add-mappings=false}): serving the source roots would
	 * switch back on, in development only, what it chose to have off. An application's
	 * own handler for the same pattern replaces ours, as Spring MVC keeps the last
	 * registration of a pattern.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "spring.web.resources.add-mappings", matchIfMissing = true)
	static class ServeConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TypeScriptTranspiler hmrTypeScriptTranspiler(HmrProperties properties, HmrSocketSettings hmrSocketSettings) {
			HmrProperties.Jsx jsx = properties.getJsx();
			TypeScriptTranspiler transpiler = new TypeScriptTranspiler(
					new JsxOptions(jsx.getRuntime() == HmrProperties.JsxRuntime.AUTOMATIC, jsx.getImportSource(),
							jsx.getFactory(), jsx.getFragment(), jsx.isInJs()));
			if (properties.getPreactRefresh().isEnabled() && compilesToPreact(jsx) && SWC4J_PRESENT) {
				transpiler.setJsxSourceStep(PreactRefreshRegistration
					.sourceStep(hmrSocketSettings.contextPath() + PreactRefreshRegistration.RUNTIME_PATH));
			}
			return transpiler;
		}

		/**
		 * swc4j is optional: without it the registration pass (which links it) is not
		 * made, and the transpiler answers TypeScript requests with the error that says
		 * what to add.
		 */
		private static final boolean SWC4J_PRESENT = ClassUtils.isPresent("com.caoccao.javet.swc4j.Swc4j",
				ServeConfiguration.class.getClassLoader());

		/**
		 * Whether JSX compiles to Preact's calls: its automatic runtime, or a classic
		 * factory named as Preact's.
		 */
		private static boolean compilesToPreact(HmrProperties.Jsx jsx) {
			return (jsx.getRuntime() == HmrProperties.JsxRuntime.AUTOMATIC) ? jsx.getImportSource().equals("preact")
					: jsx.getFactory().equals("h");
		}

		@Bean
		@ConditionalOnMissingBean
		HmrModuleTransformer hmrModuleTransformer(ModuleGraph moduleGraph, ServerHotChannel serverHotChannel,
				HmrClock hmrClock, ObjectProvider<HmrPlugin> plugins, SourceRoots hmrSourceRoots,
				HmrSocketSettings hmrSocketSettings, ObjectProvider<TypeScriptTranspiler> hmrTypeScriptTranspiler,
				ObjectProvider<WebJarImportMap> hmrImportMap, HmrProperties properties) {
			HmrModuleTransformer transformer = new HmrModuleTransformer(moduleGraph, serverHotChannel, hmrClock,
					plugins.orderedStream().toList(), hmrSourceRoots.getServedRoots(), hmrSocketSettings.contextPath());
			transformer.setTransformCache(properties.isTransformCache());
			transformer.setTypeScriptTranspiler(hmrTypeScriptTranspiler.getIfAvailable());
			hmrImportMap.ifAvailable((importMap) -> transformer.setImportMap(importMap::isMapped));
			return transformer;
		}

		/**
		 * Modules whose id is not a file, such as plugins' virtual modules, at Vite's
		 * {@code /@id/…}.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hmrModuleIdHandlerMapping")
		SimpleUrlHandlerMapping hmrModuleIdHandlerMapping(HmrModuleTransformer hmrModuleTransformer) {
			SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
					Map.of(ModuleIds.URL_PREFIX + "**", hmrModuleTransformer.moduleIdHandler()));
			mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return mapping;
		}

		/**
		 * Modules kept in the transform cache answered ahead of Spring MVC, last of the
		 * filters: after the application's security filters and the access guard. Only
		 * under Boot's usual static path pattern, where the URL is the path the guard
		 * checks.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hmrCachedModuleFilter")
		FilterRegistrationBean<Filter> hmrCachedModuleFilter(HmrModuleTransformer hmrModuleTransformer,
				HmrAccessGuard hmrAccessGuard, HmrProperties properties, Environment environment) {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
					hmrModuleTransformer.cachedModuleFilter(hmrAccessGuard.resourceAdmission()));
			registration.setOrder(Ordered.LOWEST_PRECEDENCE);
			registration.setEnabled(cachedModuleFilterEnabled(properties, environment));
			return registration;
		}

		/**
		 * Whether kept modules are answered ahead of Spring MVC: with the transform cache
		 * and its filter on, under Boot's usual static path pattern.
		 */
		static boolean cachedModuleFilterEnabled(HmrProperties properties, Environment environment) {
			boolean usualPattern = environment.getProperty("spring.mvc.static-path-pattern", "/**").equals("/**");
			return usualPattern && properties.isTransformCache() && properties.isTransformCacheFilter();
		}

		@Bean
		@ConditionalOnMissingBean
		SourceResourceConfigurer hmrSourceResourceConfigurer(SourceRoots hmrSourceRoots,
				HmrModuleTransformer hmrModuleTransformer, DeniedFiles hmrDeniedFiles, Environment environment) {
			// Bound as Boot binds them, so that a YAML list (static-locations[0], ...)
			// counts
			List<String> staticLocations = List.of(Binder.get(environment)
				.bindOrCreate("spring.web.resources", WebProperties.Resources.class)
				.getStaticLocations());
			String pattern = environment.getProperty("spring.mvc.static-path-pattern", "/**");
			SourceResourceConfigurer configurer = new SourceResourceConfigurer(hmrSourceRoots.getServedRoots(),
					staticLocations, pattern, List.of(hmrModuleTransformer), hmrSourceRoots.getTemplateRoots());
			configurer.setDeniedFiles(hmrDeniedFiles);
			return configurer;
		}

	}

	/**
	 * With Spring Security, the client, its modules and the HMR socket are left out of
	 * the application's filter chains: a visitor who has not signed in gets them, no
	 * request cache saves them, CSRF and sessions do not apply. The application's own
	 * paths keep its rules, and its default chain stays (this is not a
	 * {@code SecurityFilterChain}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer")
	@ConditionalOnBooleanProperty(name = "hmr.security.enabled", matchIfMissing = true)
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hmrWebSecurityCustomizer")
		WebSecurityCustomizer hmrWebSecurityCustomizer(HmrProperties properties) {
			List<String> paths = new ArrayList<>(HmrClientScript.PATHS);
			paths.add(properties.getPath());
			paths.add(WarmUpModules.PATH + "**");
			return (web) -> web.ignoring().requestMatchers(paths.toArray(String[]::new));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		/**
		 * The import map pages get, from the WebJars and mvnpm packages on the class
		 * path, so that bare imports resolve without a hand-written map.
		 */
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "hmr.import-map.enabled", matchIfMissing = true)
		WebJarImportMap hmrImportMap(ResourceLoader resourceLoader, HmrSocketSettings hmrSocketSettings,
				HmrProperties properties) {
			return WebJarImportMap.scan(ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
					hmrSocketSettings.contextPath(), properties.getImportMap().getImports());
		}

		@Bean
		@ConditionalOnMissingBean
		HmrClientScript hmrClientScript(HmrSocketSettings hmrSocketSettings, HmrProperties properties) {
			return new HmrClientScript(HmrClientSettings.from(hmrSocketSettings, properties.isOverlay(),
					hmrSocketSettings.contextPath() + "/"));
		}

		@Bean
		@ConditionalOnMissingBean(name = "hmrClientHandlerMapping")
		SimpleUrlHandlerMapping hmrClientHandlerMapping(HmrClientScript hmrClientScript) {
			HmrClientRequestHandler handler = new HmrClientRequestHandler(hmrClientScript);
			Map<String, Object> urlMap = new LinkedHashMap<>();
			HmrClientScript.PATHS.forEach((path) -> urlMap.put(path, handler));
			SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(urlMap);
			mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return mapping;
		}

		/**
		 * A page that answered a form submission or an error status is rendered again
		 * from its captured view and model after a template edit, never submitted again:
		 * the capture on the application's handlers, the render at
		 * {@code /@hmr/page/<id>} (inside the application's security rules, so its
		 * session and security context apply).
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hmrPageCaptureConfigurer")
		WebMvcConfigurer hmrPageCaptureConfigurer(RenderedPages hmrRenderedPages) {
			HandlerInterceptor interceptor = hmrRenderedPages.captureInterceptor();
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(interceptor);
				}

			};
		}

		@Bean
		@ConditionalOnMissingBean(name = "hmrPageReplayHandlerMapping")
		SimpleUrlHandlerMapping hmrPageReplayHandlerMapping(RenderedPages hmrRenderedPages) {
			SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
					Map.of(RenderedPages.REPLAY_PATH + "*", hmrRenderedPages.replayHandler()));
			mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return mapping;
		}

		@Bean
		@ConditionalOnMissingBean(name = "hmrHtmlClientInjectionFilter")
		FilterRegistrationBean<HtmlClientInjectionFilter> hmrHtmlClientInjectionFilter(
				HmrSocketSettings hmrSocketSettings, ObjectProvider<WebSocketServerHotChannel> serverHotChannel,
				HmrAccessGuard hmrAccessGuard, ObjectProvider<RenderedPages> renderedPages,
				ObjectProvider<WebJarImportMap> hmrImportMap) {
			WebJarImportMap importMap = hmrImportMap.getIfAvailable();
			HtmlClientInjector injector = new HtmlClientInjector(
					hmrSocketSettings.contextPath() + HmrClientScript.CLIENT_PATH,
					(importMap != null) ? importMap::forPage : (pageImportMap) -> null);
			// Each page gets an id, so that an edit updates only the pages that used the
			// edited template
			RenderedPages pages = renderedPages.getIfAvailable();
			UnaryOperator<String> inject = (pages != null) ? pages.registering(injector::inject) : injector::inject;
			UnaryOperator<String> injectIntoPage = (pages != null) ? pages.registering(injector::injectIntoPage)
					: injector::injectIntoPage;
			// A page that gets the client is newer than a full-reload buffered while no
			// tab
			// was open: the channel must not replay it to that page
			Runnable pageServed = () -> serverHotChannel.ifAvailable(WebSocketServerHotChannel::pageServed);
			HtmlClientInjectionFilter filter = new HtmlClientInjectionFilter(announcing(inject, pageServed),
					announcing(injectIntoPage, pageServed));
			// A foreign Host gets the application's page as it is, without the client
			filter.setInjectsInto(hmrAccessGuard.clientInjection());
			FilterRegistrationBean<HtmlClientInjectionFilter> registration = new FilterRegistrationBean<>(filter);
			// Late, so that filters which hash or compress the body see the page with the
			// client
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
			// ERROR too: a page showing an error must load the client to recover by
			// itself
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
			return registration;
		}

		private static UnaryOperator<String> announcing(UnaryOperator<String> inject, Runnable pageServed) {
			return (html) -> {
				String injected = inject.apply(html);
				if (!injected.equals(html)) {
					pageServed.run();
				}
				return injected;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "hmr.warm-up", matchIfMissing = true)
	static class WarmUpConfiguration {

		/**
		 * Scratch modules the warm-up requests, served through Spring MVC's resource
		 * chain as the source roots are.
		 */
		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "spring.web.resources.add-mappings", matchIfMissing = true)
		@Nullable WarmUpModules hmrWarmUpModules(ObjectProvider<HmrSocketSettings> hmrSocketSettings, HmrProperties properties) {
			HmrSocketSettings socketSettings = hmrSocketSettings.getIfAvailable();
			return (socketSettings != null)
					? WarmUpModules.create(socketSettings.contextPath(), properties.isTransformCache()) : null;
		}

		/**
		 * The scratch modules' kept answers, ahead of Spring MVC as the application's are
		 * ({@code hmrCachedModuleFilter}), under the same conditions.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hmrWarmUpModuleFilter")
		FilterRegistrationBean<Filter> hmrWarmUpModuleFilter(ObjectProvider<WarmUpModules> hmrWarmUpModules,
				HmrAccessGuard hmrAccessGuard, HmrProperties properties, Environment environment) {
			WarmUpModules modules = hmrWarmUpModules.getIfAvailable();
			Filter filter = (modules != null) ? modules.cachedModuleFilter(hmrAccessGuard.resourceAdmission())
					: (request, response, chain) -> chain.doFilter(request, response);
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
			registration.addUrlPatterns(WarmUpModules.PATH + "*");
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
			registration
				.setEnabled(modules != null && ServeConfiguration.cachedModuleFilterEnabled(properties, environment));
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean
		HmrWarmUp hmrWarmUp(HotPayloadCodec hotPayloadCodec,
				ObjectProvider<TypeScriptTranspiler> hmrTypeScriptTranspiler, SourceRoots hmrSourceRoots,
				ApplicationContext applicationContext, Environment environment,
				ObjectProvider<HmrSocketSettings> hmrSocketSettings, ObjectProvider<HmrAccessGuard> hmrAccessGuard,
				ObjectProvider<WarmUpModules> hmrWarmUpModules) {
			HmrWarmUp warmUp = new HmrWarmUp(hotPayloadCodec, HmrWarmUp.DEFAULT_ROUNDS);
			HmrSocketSettings socketSettings = hmrSocketSettings.getIfAvailable();
			if (socketSettings != null) {
				String contextPath = socketSettings.contextPath();
				warmUp.setServingWarmUp(new HmrServingWarmUp(
						() -> (applicationContext instanceof WebServerApplicationContext web) ? web.getWebServer()
								: null,
						environment, contextPath, new HtmlClientInjector(contextPath + HmrClientScript.CLIENT_PATH),
						hmrWarmUpModules.getIfAvailable()));
			}
			hmrAccessGuard.ifAvailable((guard) -> warmUp.setLastRequestStart(guard::lastRequestStart));
			TypeScriptTranspiler typeScript = hmrTypeScriptTranspiler.getIfAvailable();
			if (typeScript != null) {
				warmUp.setTypeScriptWarmUp(() -> {
					if (typeScript.anySourceIn(hmrSourceRoots.getServedRoots())) {
						typeScript.warmUp();
					}
				});
			}
			return warmUp;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "freemarker.template.Configuration",
			"org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer" })
	static class FreeMarkerConfiguration {

		@Bean
		static HmrFreeMarkerTemplatesPostProcessor hmrFreeMarkerTemplatesPostProcessor(
				ObjectProvider<SourceRoots> hmrSourceRoots, ObjectProvider<RenderedPages> hmrRenderedPages) {
			return new HmrFreeMarkerTemplatesPostProcessor(hmrSourceRoots, hmrRenderedPages);
		}

		/**
		 * As Thymeleaf's: inside the client's injection filter, on the error dispatch
		 * too.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hmrFreeMarkerTemplateErrorFilter")
		FilterRegistrationBean<HmrTemplateErrorFilter> hmrFreeMarkerTemplateErrorFilter(
				HmrFreeMarkerTemplatesPostProcessor hmrFreeMarkerTemplatesPostProcessor,
				ServerHotChannel serverHotChannel, HotPayloadCodec hotPayloadCodec,
				HmrSocketSettings hmrSocketSettings) {
			return HmrTemplateErrorFilter.registration(
					new HmrFreeMarkerTemplateErrors(hmrFreeMarkerTemplatesPostProcessor), serverHotChannel,
					hotPayloadCodec, hmrSocketSettings.contextPath() + HmrClientScript.CLIENT_PATH);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.mustache.servlet.view.MustacheViewResolver")
	static class MustacheConfiguration {

		@Bean
		static HmrMustacheTemplatesPostProcessor hmrMustacheTemplatesPostProcessor(
				ObjectProvider<SourceRoots> hmrSourceRoots) {
			return new HmrMustacheTemplatesPostProcessor(hmrSourceRoots);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver")
	static class ErrorPagesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HmrSourceErrorViewResolver hmrSourceErrorViewResolver(SourceRoots hmrSourceRoots,
				ObjectProvider<HmrThymeleafTemplatesPostProcessor> hmrThymeleafTemplatesPostProcessor) {
			return new HmrSourceErrorViewResolver(hmrSourceRoots, hmrThymeleafTemplatesPostProcessor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MessageSourceConfiguration {

		@Bean
		static HmrMessageSourcePostProcessor hmrMessageSourcePostProcessor(ObjectProvider<SourceRoots> hmrSourceRoots) {
			return new HmrMessageSourcePostProcessor(hmrSourceRoots);
		}

		@Bean
		HmrMessageSourcePostProcessor.Reloader hmrMessageBundleReloader(
				HmrMessageSourcePostProcessor hmrMessageSourcePostProcessor, ServerHotChannel serverHotChannel,
				SourceRoots hmrSourceRoots) {
			return new HmrMessageSourcePostProcessor.Reloader(hmrMessageSourcePostProcessor, serverHotChannel,
					hmrSourceRoots);
		}

		@Bean
		HmrMessageBundleWatcher hmrMessageBundleWatcher(HmrMessageSourcePostProcessor hmrMessageSourcePostProcessor,
				SourceRoots hmrSourceRoots, ServerHotChannel serverHotChannel) {
			return new HmrMessageBundleWatcher(hmrMessageSourcePostProcessor, hmrSourceRoots, serverHotChannel);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver")
	static class ThymeleafConfiguration {

		@Bean
		static HmrThymeleafTemplatesPostProcessor hmrThymeleafTemplatesPostProcessor(
				ObjectProvider<SourceRoots> hmrSourceRoots) {
			return new HmrThymeleafTemplatesPostProcessor(hmrSourceRoots);
		}

		/**
		 * Inside the client's injection filter, so that the error page it writes gets the
		 * client; on the error dispatch too, which it answers with that page.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "hmrTemplateErrorFilter")
		FilterRegistrationBean<HmrTemplateErrorFilter> hmrTemplateErrorFilter(
				HmrThymeleafTemplatesPostProcessor hmrThymeleafTemplatesPostProcessor,
				ServerHotChannel serverHotChannel, HotPayloadCodec hotPayloadCodec,
				HmrSocketSettings hmrSocketSettings) {
			return HmrTemplateErrorFilter.registration(
					new HmrThymeleafTemplateErrors(hmrThymeleafTemplatesPostProcessor), serverHotChannel,
					hotPayloadCodec, hmrSocketSettings.contextPath() + HmrClientScript.CLIENT_PATH);
		}

		@Bean
		static HmrThymeleafPagesPostProcessor hmrThymeleafPagesPostProcessor(
				ObjectProvider<RenderedPages> hmrRenderedPages) {
			return new HmrThymeleafPagesPostProcessor(hmrRenderedPages);
		}

	}

}
