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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * the same keys and defaults, each key with a description for the IDE.
 */
class HmrPropertiesDocumentationTests {

	private static final Pattern TABLE_KEY = Pattern.compile("`(hmr\\.[a-z.-]+)`");

	/** The README section whose table lists the properties; other tables name meters. */
	private static final String CONFIGURATION_SECTION = "## Configuration (`hmr.*`)";

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/** What a README row says when a key has no default: a dash or words in brackets. */
	private static final Pattern NO_DEFAULT = Pattern.compile("—.*|\\(.*\\)");

	@Test
	void theReadmeTableListsExactlyTheKeysOfTheMetadata() throws IOException {
		assertThat(readmeDefaults().keySet()).isEqualTo(metadataDefaults().keySet());
	}

	@Test
	void theReadmeTableGivesTheDefaultsOfTheMetadata() throws IOException {
		Map<String, List<String>> metadata = metadataDefaults();
		readmeDefaults().forEach((key, readme) -> assertThat(readme).as(key).isEqualTo(metadata.get(key)));
	}

	@Test
	void everyKeyOfTheMetadataHasADescription() throws IOException {
		for (JsonNode property : metadata().path("properties")) {
			assertThat(property.path("name").asString()).startsWith("hmr.");
			assertThat(property.path("description").asString("")).as(property.path("name").asString()).isNotBlank();
		}
	}

	@Test
	void whatTheAdditionalMetadataAddsReachesTheGeneratedMetadata() throws IOException {
		Set<String> generated = metadataDefaults().keySet();
		for (JsonNode property : read("META-INF/additional-spring-configuration-metadata.json").path("properties")) {
			assertThat(generated).contains(property.path("name").asString());
		}
		Set<String> hinted = new TreeSet<>();
		metadata().path("hints").forEach((hint) -> hinted.add(hint.path("name").asString()));
		assertThat(hinted).contains("hmr.port", "hmr.allowed-hosts", "hmr.allowed-remote-addresses");
		assertThat(generated).containsAll(hinted);
	}

	/**
	 * The keys of the README's configuration table, each with the values written in code
	 * in its default column, or none where that column says there is no default.
	 */
	private static Map<String, List<String>> readmeDefaults() throws IOException {
		Map<String, List<String>> keys = new TreeMap<>();
		boolean inSection = false;
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			if (line.startsWith("## ")) {
				inSection = line.equals(CONFIGURATION_SECTION);
			}
			else if (inSection && line.startsWith("| `hmr.")) {
				String[] columns = line.split("\\|");
				String defaults = columns[2].trim();
				List<String> values = new ArrayList<>();
				if (!NO_DEFAULT.matcher(defaults).matches()) {
					Matcher code = CODE.matcher(defaults);
					while (code.find()) {
						values.add(code.group(1));
					}
					assertThat(values).as(line).isNotEmpty();
				}
				Matcher matcher = TABLE_KEY.matcher(columns[1]);
				while (matcher.find()) {
					keys.put(matcher.group(1), values);
				}
			}
		}
		return keys;
	}

	private static Map<String, List<String>> metadataDefaults() throws IOException {
		Map<String, List<String>> keys = new TreeMap<>();
		for (JsonNode property : metadata().path("properties")) {
			List<String> values = new ArrayList<>();
			JsonNode defaultValue = property.path("defaultValue");
			if (defaultValue.isArray()) {
				defaultValue.forEach((value) -> values.add(value.asString()));
			}
			else if (!defaultValue.isMissingNode()) {
				values.add(defaultValue.asString());
			}
			keys.put(property.path("name").asString(), values);
		}
		return keys;
	}

	private static JsonNode metadata() throws IOException {
		return read("META-INF/spring-configuration-metadata.json");
	}

	private static JsonNode read(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
