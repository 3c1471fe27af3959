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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of {@code hmr.*} properties is the generated configuration metadata:
 * the same keys, each with a description for the IDE.
 */
class HmrPropertiesDocumentationTests {

	private static final Pattern TABLE_KEY = Pattern.compile("`(hmr\\.[a-z.-]+)`");

	@Test
	void theReadmeTableListsExactlyTheKeysOfTheMetadata() throws IOException {
		assertThat(readmeKeys()).isEqualTo(metadataKeys());
	}

	@Test
	void everyKeyOfTheMetadataHasADescription() throws IOException {
		for (JsonNode property : metadata().path("properties")) {
			assertThat(property.path("description").asString("")).as(property.path("name").asString()).isNotBlank();
		}
	}

	private static Set<String> readmeKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			if (line.startsWith("| `hmr.")) {
				String firstColumn = line.substring(1, line.indexOf('|', 1));
				Matcher matcher = TABLE_KEY.matcher(firstColumn);
				while (matcher.find()) {
					keys.add(matcher.group(1));
				}
			}
		}
		return keys;
	}

	private static Set<String> metadataKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		metadata().path("properties").forEach((property) -> keys.add(property.path("name").asString()));
		return keys;
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
