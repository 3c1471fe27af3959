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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HmrProperties}.
 */
class HmrPropertiesTests {

	@Test
	void defaults() {
		HmrProperties properties = new HmrProperties();
		assertThat(properties.getEnabled()).isNull();
		assertThat(properties.getPort()).isNull();
		assertThat(properties.getHost()).isNull();
		assertThat(properties.getClientPort()).isNull();
		assertThat(properties.getPath()).isEqualTo("/@hmr").isEqualTo(HmrProperties.DEFAULT_PATH);
		assertThat(properties.getProtocol()).isNull();
		assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.isOverlay()).isTrue();
		assertThat(properties.isWarmUp()).isTrue();
		assertThat(properties.getAllowedHosts()).isEmpty();
		assertThat(properties.getAllowedRemoteAddresses()).isEmpty();
		assertThat(properties.getFs().getDeny()).containsExactly(".env", ".env.*", "*.{crt,pem}", "**/.git/**");
		assertThat(properties.getSendTimeLimit()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.getSendBufferSizeLimit()).isEqualTo(DataSize.ofKilobytes(512));
		assertThat(properties.getWatch().getRoots()).isEmpty();
		assertThat(properties.getWatch().getInclude()).isEmpty();
		assertThat(properties.getWatch().getExclude()).isEmpty();
		assertThat(properties.getWatch().isInotify()).isTrue();
		assertThat(properties.getJsx().getRuntime()).isEqualTo(HmrProperties.JsxRuntime.AUTOMATIC);
		assertThat(properties.getJsx().getImportSource()).isEqualTo("preact");
		assertThat(properties.getJsx().getFactory()).isEqualTo("h");
		assertThat(properties.getJsx().getFragment()).isEqualTo("Fragment");
		assertThat(properties.getJsx().isInJs()).isFalse();
	}

	@Test
	void theDefaultsAreValid() {
		HmrProperties properties = new HmrProperties();
		Errors errors = new BeanPropertyBindingResult(properties, "hmr");
		properties.validate(properties, errors);
		assertThat(errors.getAllErrors()).isEmpty();
	}

	@Test
	void bindsEveryProperty() {
		Map<String, String> values = Map.ofEntries(Map.entry("hmr.enabled", "true"), Map.entry("hmr.port", "24678"),
				Map.entry("hmr.host", "dev.example.test"), Map.entry("hmr.client-port", "443"),
				Map.entry("hmr.path", "/hot"), Map.entry("hmr.protocol", "wss"), Map.entry("hmr.timeout", "10s"),
				Map.entry("hmr.overlay", "false"), Map.entry("hmr.warm-up", "false"),
				Map.entry("hmr.allowed-hosts", "a.test,.b.test"), Map.entry("hmr.send-time-limit", "2s"),
				Map.entry("hmr.send-buffer-size-limit", "1MB"),
				Map.entry("hmr.watch.roots[0]", "src/main/resources/static"), Map.entry("hmr.watch.include", "**/*.js"),
				Map.entry("hmr.watch.exclude", "vendor/**"), Map.entry("hmr.watch.inotify", "false"),
				Map.entry("hmr.jsx.runtime", "classic"), Map.entry("hmr.jsx.import-source", "react"),
				Map.entry("hmr.jsx.factory", "React.createElement"), Map.entry("hmr.jsx.fragment", "React.Fragment"),
				Map.entry("hmr.jsx.in-js", "true"));
		HmrProperties properties = bind(values);
		assertThat(properties.getEnabled()).isTrue();
		assertThat(properties.getPort()).isEqualTo(24678);
		assertThat(properties.getHost()).isEqualTo("dev.example.test");
		assertThat(properties.getClientPort()).isEqualTo(443);
		assertThat(properties.getPath()).isEqualTo("/hot");
		assertThat(properties.getProtocol()).isEqualTo(HmrProperties.Protocol.WSS);
		assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.isOverlay()).isFalse();
		assertThat(properties.isWarmUp()).isFalse();
		assertThat(properties.getAllowedHosts()).containsExactly("a.test", ".b.test");
		assertThat(properties.getSendTimeLimit()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.getSendBufferSizeLimit()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(properties.getWatch().getRoots()).containsExactly(Path.of("src/main/resources/static"));
		assertThat(properties.getWatch().getInclude()).containsExactly("**/*.js");
		assertThat(properties.getWatch().getExclude()).containsExactly("vendor/**");
		assertThat(properties.getWatch().isInotify()).isFalse();
		assertThat(properties.getJsx().getRuntime()).isEqualTo(HmrProperties.JsxRuntime.CLASSIC);
		assertThat(properties.getJsx().getImportSource()).isEqualTo("react");
		assertThat(properties.getJsx().getFactory()).isEqualTo("React.createElement");
		assertThat(properties.getJsx().getFragment()).isEqualTo("React.Fragment");
		assertThat(properties.getJsx().isInJs()).isTrue();
	}

	@Test
	void theProtocolsSchemeIsItsLowerCaseName() {
		assertThat(HmrProperties.Protocol.WS.scheme()).isEqualTo("ws");
		assertThat(HmrProperties.Protocol.WSS.scheme()).isEqualTo("wss");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			hmr.port                   | 0                | hmr.port must be between 1 and 65535
			hmr.port                   | 65536            | hmr.port must be between 1 and 65535
			hmr.client-port            | 70000            | hmr.client-port must be between 1 and 65535
			hmr.path                   | hmr              | hmr.path must start with '/'
			hmr.path                   | /hmr?x           | hmr.path must be a plain path
			hmr.path                   | /a b             | hmr.path must be a plain path
			hmr.host                   | http://x.test/   | hmr.host must be a host name, not a URL
			hmr.timeout                | 0s               | hmr.timeout must be positive
			hmr.send-time-limit        | -1s              | hmr.send-time-limit must be positive
			hmr.send-time-limit        | 30d              | hmr.send-time-limit must be at most
			hmr.send-buffer-size-limit | 0B               | hmr.send-buffer-size-limit must be between 1B and
			hmr.send-buffer-size-limit | 4GB              | hmr.send-buffer-size-limit must be between 1B and
			hmr.allowed-hosts          | 'a.test, ,b.test' | hmr.allowed-hosts must not contain empty entries
			hmr.jsx.import-source      | ' '              | hmr.jsx.import-source must not be empty
			hmr.jsx.factory            | ' '              | hmr.jsx.factory must not be empty
			""")
	void anInvalidValueFailsBindingWithAMessageNamingTheProperty(String property, String value, String message) {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of(property, value)))
			.havingRootCause()
			.withMessageContaining(message);
	}

	private static HmrProperties bind(Map<String, String> values) {
		HmrProperties properties = new HmrProperties();
		new Binder(new MapConfigurationPropertySource(values)).bind("hmr", Bindable.ofInstance(properties),
				new ValidationBindHandler(properties));
		return properties;
	}

}
