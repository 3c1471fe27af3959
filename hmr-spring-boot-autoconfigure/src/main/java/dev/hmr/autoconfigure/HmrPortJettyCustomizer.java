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

import java.net.InetAddress;

import org.eclipse.jetty.server.ServerConnector;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Adds a Jetty connector on {@code hmr.port}, the dedicated HMR listener, as
 * {@link HmrPortTomcatCustomizer} does on Tomcat. It serves the same application, so
 * {@link HmrPortFilter} keeps everything but the HMR socket off it. Ordered last so that
 * it binds to the address the application's own connector got.
 */
final class HmrPortJettyCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

	private final int port;

	HmrPortJettyCustomizer(int port) {
		this.port = port;
	}

	@Override
	public void customize(JettyServletWebServerFactory factory) {
		InetAddress address = factory.getAddress();
		factory.addServerCustomizers((server) -> {
			ServerConnector connector = new ServerConnector(server);
			connector.setPort(this.port);
			if (address != null) {
				connector.setHost(address.getHostAddress());
			}
			server.addConnector(connector);
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
