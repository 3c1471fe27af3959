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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrEnablement}.
 */
class HmrEnablementTests {

	private static final List<String> IDE_STACK = List.of("org.springframework.boot.SpringApplication",
			"com.example.App");

	@TempDir
	Path temp;

	@Test
	void theEnabledPropertyWinsWhenTrue() {
		assertThat(
				HmrEnablement.deduce(true, List.of("org.springframework.boot.loader.launch.JarLauncher"), null, true))
			.isEqualTo(new HmrEnablement(true, "hmr.enabled=true"));
	}

	@Test
	void theEnabledPropertyWinsWhenFalse() {
		assertThat(HmrEnablement.deduce(false, IDE_STACK, this.temp.toFile(), false).active()).isFalse();
	}

	@Test
	void isActiveWhenRunningFromABuildsClasses() {
		HmrEnablement enablement = HmrEnablement.deduce(null, IDE_STACK, this.temp.toFile(), false);
		assertThat(enablement.active()).isTrue();
		assertThat(enablement.reason()).startsWith("running from a build's classes");
	}

	@Test
	void isInactiveWhenLaunchedBySpringBootsLoader() {
		HmrEnablement enablement = HmrEnablement.deduce(null,
				List.of("com.example.App", "org.springframework.boot.loader.launch.JarLauncher"), this.temp.toFile(),
				false);
		assertThat(enablement).isEqualTo(new HmrEnablement(false, "running from a packaged jar"));
	}

	@Test
	void isInactiveWhenTheMainClassComesFromAJar() throws IOException {
		File jar = Files.createFile(this.temp.resolve("app.jar")).toFile();
		HmrEnablement enablement = HmrEnablement.deduce(null, IDE_STACK, jar, false);
		assertThat(enablement.active()).isFalse();
		assertThat(enablement.reason()).isEqualTo("running from a packaged jar (app.jar)");
	}

	@Test
	void isInactiveUnderJUnit() {
		assertThat(HmrEnablement
			.deduce(null, List.of("org.junit.platform.launcher.core.DefaultLauncher"), this.temp.toFile(), false)
			.active()).isFalse();
	}

	@Test
	void isInactiveUnderSpringBootsTestSupport() {
		assertThat(HmrEnablement
			.deduce(null, List.of("org.springframework.boot.test.context.SpringBootContextLoader"), this.temp.toFile(),
					false)
			.active()).isFalse();
	}

	@Test
	void isInactiveInANativeImage() {
		assertThat(HmrEnablement.deduce(null, IDE_STACK, this.temp.toFile(), true).active()).isFalse();
	}

	@Test
	void isInactiveWithoutAMainClass() {
		assertThat(HmrEnablement.deduce(null, List.of("org.apache.catalina.startup.HostConfig"), null, false).active())
			.isFalse();
	}

	@Test
	void readsTheEnvironmentAndTheCallersStack() {
		assertThat(HmrEnablement.deduce(new MockEnvironment()).reason()).contains("test runner");
		assertThat(HmrEnablement.deduce(new MockEnvironment().withProperty("hmr.enabled", "true")).active()).isTrue();
	}

}
