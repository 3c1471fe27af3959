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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.hmr.channel.InertServerHotChannel;
import dev.hmr.channel.ServerHotChannel;

/**
 * Auto-configuration of the HMR API while HMR is inactive: an
 * {@link InertServerHotChannel} unless something else (the development runtime's
 * WebSocket channel, or the application) defines a {@link ServerHotChannel}, and the
 * {@code hmr.*} properties. Application code that injects the channel or the properties
 * therefore starts in a packaged jar, where the runtime is absent, and in tests, where it
 * is present but inactive. Nothing calls {@code HmrPlugin} beans here.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "dev.hmr.autoconfigure.HmrAutoConfiguration")
@EnableConfigurationProperties(HmrProperties.class)
public final class HmrInactiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ServerHotChannel.class)
	InertServerHotChannel inertServerHotChannel() {
		return new InertServerHotChannel();
	}

}
