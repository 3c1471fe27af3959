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

package dev.hmr.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import org.springframework.util.FileSystemUtils;

/**
 * A real embedded Tomcat for browser tests of the client, standing in for the HMR server
 * until the real one is wired: it serves files from a directory, the client through
 * {@link HmrClientRequestHandler} (our real serving code), and a WebSocket at the socket
 * path that speaks Vite's handshake (echoes {@code vite-hmr}/{@code vite-ping}, answers
 * {@code connected}, closes pings with 1000) while the test scripts the payloads.
 */
final class ScriptedHmrServer implements AutoCloseable {

	static final String TOKEN = "Xy9_test-tok";

	private static final String SOCKET_PATH = "/@hmr";

	private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html;charset=UTF-8", "js",
			"text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8");

	private final Path root;

	private final Path tomcatDirectory;

	private final Tomcat tomcat;

	private final Set<Session> clients = new CopyOnWriteArraySet<>();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final List<String> handshakes = new CopyOnWriteArrayList<>();

	private final AtomicInteger pings = new AtomicInteger();

	private volatile boolean accepting = true;

	ScriptedHmrServer(HmrClientSettings settings) throws IOException, LifecycleException {
		this.root = Files.createTempDirectory("hmr-fixture-");
		this.tomcatDirectory = Files.createTempDirectory("hmr-tomcat-");
		this.tomcat = new Tomcat();
		this.tomcat.setBaseDir(this.tomcatDirectory.toString());
		this.tomcat.setPort(0);
		Context context = this.tomcat.addContext("", this.root.toString());
		context.addServletContainerInitializer(new WsSci(), null);
		context.addServletContainerInitializer((classes, servletContext) -> {
			ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
			try {
				container.addEndpoint(socketEndpoint());
			}
			catch (DeploymentException ex) {
				throw new ServletException(ex);
			}
		}, null);
		HmrClientRequestHandler client = new HmrClientRequestHandler(new HmrClientScript(settings));
		Tomcat.addServlet(context, "client", new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
				client.handleRequest(request, response);
			}
		});
		context.addServletMappingDecoded("/@vite/*", "client");
		Tomcat.addServlet(context, "files", new FileServlet());
		context.addServletMappingDecoded("/", "files");
		this.tomcat.getConnector();
		this.tomcat.start();
	}

	/**
	 * Settings as the starter writes them by default: the socket on the page's own
	 * address.
	 * @return the settings
	 */
	static HmrClientSettings defaultSettings() {
		return new HmrClientSettings(null, null, null, SOCKET_PATH, Duration.ofSeconds(30), true, TOKEN, "/");
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.tomcat.getConnector().getLocalPort() + path;
	}

	/**
	 * Write a file to serve.
	 * @param path the URL path, such as {@code /index.html}
	 * @param content the content
	 */
	void write(String path, String content) throws IOException {
		Path file = this.root.resolve(path.substring(1));
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	/**
	 * Write a module that uses {@code import.meta.hot}, with the prelude our server adds.
	 * @param path the module URL
	 * @param body the module's code
	 */
	void writeModule(String path, String body) throws IOException {
		write(path, "import { createHotContext as __vite__createHotContext } from \"/@vite/client\";"
				+ "import.meta.hot = __vite__createHotContext(\"" + path + "\");\n" + body);
	}

	/**
	 * Send a text frame to every connected page.
	 * @param json the payload
	 */
	void send(String json) throws IOException {
		for (Session session : this.clients) {
			session.getBasicRemote().sendText(json);
		}
	}

	int clientCount() {
		return this.clients.size();
	}

	/** Frames the pages sent, except keep-alive pings. */
	List<String> received() {
		return List.copyOf(this.received);
	}

	/** The query string of each {@code vite-hmr} handshake. */
	List<String> handshakes() {
		return List.copyOf(this.handshakes);
	}

	/** How many {@code vite-ping} sockets were accepted. */
	int pings() {
		return this.pings.get();
	}

	/**
	 * Whether handshakes are accepted; a refused one fails as a stopped server's would.
	 * @param accepting whether to accept
	 */
	void accepting(boolean accepting) {
		this.accepting = accepting;
	}

	/** Close every page's socket, as a stopping server does. */
	void dropClients() throws IOException {
		for (Session session : this.clients) {
			session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "restarting"));
		}
	}

	@Override
	public void close() throws Exception {
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.root);
			FileSystemUtils.deleteRecursively(this.tomcatDirectory);
		}
	}

	private ServerEndpointConfig socketEndpoint() {
		return ServerEndpointConfig.Builder.create(SocketEndpoint.class, SOCKET_PATH)
			.subprotocols(List.of("vite-hmr", "vite-ping"))
			.configurator(new ServerEndpointConfig.Configurator() {

				@Override
				public boolean checkOrigin(String originHeaderValue) {
					return ScriptedHmrServer.this.accepting;
				}

				@Override
				@SuppressWarnings("unchecked")
				public <T> T getEndpointInstance(Class<T> endpointClass) {
					return (T) new SocketEndpoint();
				}

			})
			.build();
	}

	private final class SocketEndpoint extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			try {
				if ("vite-ping".equals(session.getNegotiatedSubprotocol())) {
					ScriptedHmrServer.this.pings.incrementAndGet();
					session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, null));
					return;
				}
				ScriptedHmrServer.this.handshakes.add(String.valueOf(session.getQueryString()));
				session.addMessageHandler(String.class, (text) -> {
					if (!text.equals("{\"type\":\"ping\"}")) {
						ScriptedHmrServer.this.received.add(text);
					}
				});
				ScriptedHmrServer.this.clients.add(session);
				session.getBasicRemote().sendText("{\"type\":\"connected\"}");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void onClose(Session session, CloseReason closeReason) {
			ScriptedHmrServer.this.clients.remove(session);
		}

	}

	private final class FileServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String path = request.getRequestURI();
			Path file = ScriptedHmrServer.this.root.resolve(path.substring(1)).normalize();
			if (!file.startsWith(ScriptedHmrServer.this.root) || !Files.isRegularFile(file)) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			String extension = path.substring(path.lastIndexOf('.') + 1);
			response.setContentType(CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
			response.setHeader("Cache-Control", "no-store");
			response.getOutputStream().write(Files.readAllBytes(file));
		}

	}

}
