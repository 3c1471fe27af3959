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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The floors under our socket, for {@code src/main/js/socket-connect.mjs} and
 * {@code socket-fanout.mjs}: a WebSocket at {@code /@hmr} with the {@code vite-hmr}
 * subprotocol that sends {@code connected} on open and nothing of the starter's, either a
 * bare Tomcat JSR-356 endpoint ({@code tomcat}: embedded Tomcat, no Spring) or a bare
 * Spring {@code WebSocketHandler} behind Spring MVC ({@code spring}: Spring Boot,
 * {@code @EnableWebSocket}, HMR off). Prints {@code PORT <port>}; each line on its
 * standard input broadcasts an {@code update} payload of the starter's size to every
 * session ({@code async}: the container's non-blocking send, {@code basic}: its blocking
 * one; the Spring floor always sends through the session) and prints the loop's time on
 * standard error; stops when the input ends.
 * <p>
 * {@code java -cp $CP dev.hmr.benchmarks.SocketFloorServer tomcat|spring}
 */
public final class SocketFloorServer {

	static final String CONNECTED = "{\"type\":\"connected\"}";

	static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

	static final Set<WebSocketSession> SPRING_SESSIONS = ConcurrentHashMap.newKeySet();

	private SocketFloorServer() {
	}

	public static void main(String[] args) throws Exception {
		boolean tomcatOnly = "tomcat".equals(args[0]);
		int port;
		AutoCloseable stop;
		if (tomcatOnly) {
			Tomcat tomcat = new Tomcat();
			tomcat.setPort(0);
			tomcat.setBaseDir(Files.createTempDirectory("socket-floor").toString());
			tomcat.getConnector();
			Context context = tomcat.addContext("", null);
			context.addServletContainerInitializer(new WsSci(), null);
			context.addApplicationListener(EndpointRegistration.class.getName());
			// without a servlet the request would be answered 404 before the upgrade
			// filter
			Tomcat.addServlet(context, "default", new HttpServlet() {
			});
			context.addServletMappingDecoded("/", "default");
			tomcat.start();
			port = tomcat.getConnector().getLocalPort();
			stop = tomcat::stop;
		}
		else {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SpringFloor.class)
				.web(WebApplicationType.SERVLET)
				.properties("hmr.enabled=false", "server.port=0", "spring.main.banner-mode=off",
						"logging.level.root=warn")
				.run();
			port = ((WebServerApplicationContext) context).getWebServer().getPort();
			stop = context::close;
		}
		System.out.printf(Locale.ROOT, "PORT %d socket floor %s%n", port, args[0]);
		System.out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		long timestamp = 0;
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String text = "{\"type\":\"update\",\"updates\":[{\"type\":\"js-update\",\"timestamp\":" + (timestamp++)
					+ ",\"path\":\"/m0.js\",\"acceptedPath\":\"/m0.js\",\"explicitImportRequired\":false,"
					+ "\"isWithinCircularImport\":false}]}";
			long start = System.nanoTime();
			if (tomcatOnly) {
				broadcast(text, "basic".equals(line));
			}
			else {
				TextMessage message = new TextMessage(text);
				for (WebSocketSession session : SPRING_SESSIONS) {
					session.sendMessage(message);
				}
			}
			System.err.printf(Locale.ROOT, "FLOOR loop %.3f ms%n", (System.nanoTime() - start) / 1e6);
		}
		stop.close();
		System.exit(0);
	}

	private static void broadcast(String text, boolean blocking) throws IOException {
		for (Session session : SESSIONS) {
			if (blocking) {
				session.getBasicRemote().sendText(text);
			}
			else {
				session.getAsyncRemote().sendText(text);
			}
		}
	}

	/**
	 * Registers {@link BareEndpoint} once the WebSocket container exists.
	 */
	public static final class EndpointRegistration implements ServletContextListener {

		@Override
		public void contextInitialized(ServletContextEvent event) {
			ServerContainer container = (ServerContainer) event.getServletContext()
				.getAttribute(ServerContainer.class.getName());
			try {
				container.addEndpoint(ServerEndpointConfig.Builder.create(BareEndpoint.class, "/@hmr")
					.subprotocols(List.of("vite-hmr"))
					.build());
			}
			catch (DeploymentException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * The JSR-356 floor.
	 */
	public static final class BareEndpoint extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			SESSIONS.add(session);
			session.getAsyncRemote().sendText(CONNECTED);
		}

		@Override
		public void onClose(Session session, CloseReason reason) {
			SESSIONS.remove(session);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebSocket
	static class SpringFloor implements WebSocketConfigurer {

		@Override
		public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
			registry.addHandler(new FloorHandler(), "/@hmr").setAllowedOrigins("*");
		}

	}

	/**
	 * The Spring floor: the session's own blocking send.
	 */
	static final class FloorHandler extends TextWebSocketHandler implements SubProtocolCapable {

		@Override
		public List<String> getSubProtocols() {
			return List.of("vite-hmr");
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws IOException {
			SPRING_SESSIONS.add(session);
			session.sendMessage(new TextMessage(CONNECTED));
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			SPRING_SESSIONS.remove(session);
		}

	}

}
