package dev.hmr.autoconfigure;

import java.net.InetAddress;

import org.apache.catalina.connector.Connector;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Adds a Tomcat connector on {@code hmr.port}, the dedicated HMR listener. It serves the
 * same application, so {@link HmrPortFilter} keeps everything but the HMR socket off it.
 * Ordered last so that it binds to the address the application's own connector got.
 */
final class HmrPortTomcatCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final int port;

	HmrPortTomcatCustomizer(int port) {
		this.port = port;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		Connector connector = new Connector(factory.getProtocol());
		connector.setPort(this.port);
		InetAddress address = factory.getAddress();
		if (address != null) {
			connector.setProperty("address", address.getHostAddress());
		}
		connector.setURIEncoding(factory.getUriEncoding().name());
		factory.addAdditionalConnectors(connector);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
