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

package dev.hmr.plugin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Module ids and their {@code /@id/} URLs, as Vite's {@code wrapId} and {@code unwrapId}
 * write them.
 */
class ModuleIdsTests {

	@Test
	void aVirtualIdsNullByteBecomesThePlaceholderUnderIdPrefix() {
		assertThat(ModuleIds.toUrl("\0virtual:my")).isEqualTo("/@id/__x00__virtual:my");
		assertThat(ModuleIds.fromUrl("/@id/__x00__virtual:my")).isEqualTo("\0virtual:my");
	}

	@Test
	void anIdThatIsNotAFileIsServedUnderIdPrefixAsItIs() {
		assertThat(ModuleIds.toUrl("virtual:plain")).isEqualTo("/@id/virtual:plain");
		assertThat(ModuleIds.fromUrl("/@id/virtual:plain")).isEqualTo("virtual:plain");
		assertThat(ModuleIds.toUrl("/@id/already")).isEqualTo("/@id/already");
	}

	@Test
	void otherUrlsAreNotIds() {
		assertThat(ModuleIds.fromUrl("/main.js")).isNull();
		assertThat(ModuleIds.fromUrl("/@id/")).isNull();
		assertThat(ModuleIds.fromUrl("/@idx/a")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> ModuleIds.toUrl(""));
	}

	@Test
	void virtualIdsStartWithTheNullByte() {
		assertThat(ModuleIds.isVirtual("\0virtual:my")).isTrue();
		assertThat(ModuleIds.isVirtual("virtual:my")).isFalse();
	}

}
