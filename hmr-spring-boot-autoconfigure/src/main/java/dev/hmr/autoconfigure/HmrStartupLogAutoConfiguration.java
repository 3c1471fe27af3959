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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.WebSocketHandler;

import dev.hmr.access.HmrAccessGuard;
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
	HmrStartupLogger hmrStartupLogger(Environment environment, ObjectProvider<HmrSocketSettings> settings,
			ObjectProvider<HmrAccessGuard> guard) {
		// Decided here, during the refresh, as the condition was: it reads the stack
		return new HmrStartupLogger(HmrEnablement.deduce(environment), settings, guard);
	}

}
