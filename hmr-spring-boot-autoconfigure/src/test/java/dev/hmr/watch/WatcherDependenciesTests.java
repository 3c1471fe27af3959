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

package dev.hmr.watch;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that JNA and directory-watcher never reach an application's dependency tree: the
 * module's pom declares them optional, and its jar carries them for the watcher's own
 * class loader instead ({@link WatchIsolationTests} keeps their types there).
 */
class WatcherDependenciesTests {

	@Test
	void jnaAndDirectoryWatcherAreOptionalDependencies() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		NodeList dependencies = ((Element) pom.getDocumentElement().getElementsByTagName("dependencies").item(0))
			.getElementsByTagName("dependency");
		List<String> watcherLibraries = new ArrayList<>();
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			String groupId = text(dependency, "groupId");
			if (groupId.equals("net.java.dev.jna") || groupId.equals("io.methvin")) {
				watcherLibraries.add(text(dependency, "artifactId"));
				assertThat(text(dependency, "optional")).as(text(dependency, "artifactId")).isEqualTo("true");
			}
		}
		assertThat(watcherLibraries).containsExactlyInAnyOrder("jna", "directory-watcher");
	}

	@Test
	void theirJarsAreCarriedAsResources() throws Exception {
		for (String jar : List.of("jna.jar", "directory-watcher.jar", "slf4j-api.jar")) {
			URL url = getClass().getClassLoader().getResource(IsolatedNotifiers.LIBRARIES + jar);
			assertThat(url).as(jar).isNotNull();
			try (InputStream in = url.openStream(); JarInputStream entries = new JarInputStream(in)) {
				assertThat(entries.getNextJarEntry()).as(jar).isNotNull();
			}
		}
	}

	private static String text(Element element, String tag) {
		NodeList nodes = element.getElementsByTagName(tag);
		return (nodes.getLength() > 0) ? nodes.item(0).getTextContent().trim() : "";
	}

}
