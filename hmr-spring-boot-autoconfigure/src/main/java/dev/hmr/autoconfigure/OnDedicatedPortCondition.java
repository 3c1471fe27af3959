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

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code hmr.port} is set to another port than the application's
 * ({@code server.port}, 8080 by default): the HMR socket then gets its own listener, as
 * Vite's does when {@code server.ws.port} differs from {@code server.port}.
 */
class OnDedicatedPortCondition extends SpringBootCondition {

	private static final int DEFAULT_SERVER_PORT = 8080;

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("HMR dedicated port");
		Environment environment = context.getEnvironment();
		Integer port;
		Integer serverPort;
		try {
			port = environment.getProperty("hmr.port", Integer.class);
			serverPort = environment.getProperty("server.port", Integer.class, DEFAULT_SERVER_PORT);
		}
		catch (ConversionException ex) {
			// binding hmr.* reports it with the property's name
			return ConditionOutcome.noMatch(message.because("a port is not a number"));
		}
		if (port == null) {
			return ConditionOutcome.noMatch(message.because("hmr.port is not set"));
		}
		if (port.equals(serverPort)) {
			return ConditionOutcome.noMatch(message.because("hmr.port is the application's port " + serverPort));
		}
		return ConditionOutcome.match(message.because("hmr.port " + port + " is not server.port " + serverPort));
	}

}
