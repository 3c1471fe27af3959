package dev.hmr.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.WebSocketHandler;

import dev.hmr.channel.HmrSocketSettings;

/**
 * Auto-configuration of the start-up line that says whether HMR is active and why, in
 * every servlet web application that could have it, active or not.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(value = { WebSocketHandler.class, DispatcherServlet.class },
		name = "org.springframework.boot.web.server.context.WebServerInitializedEvent")
public final class HmrStartupLogAutoConfiguration {

	@Bean
	HmrStartupLogger hmrStartupLogger(Environment environment, ObjectProvider<HmrSocketSettings> settings) {
		// Decided here, during the refresh, as the condition was: it reads the stack
		return new HmrStartupLogger(HmrEnablement.deduce(environment), settings);
	}

}
