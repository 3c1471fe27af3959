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

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SourceRoots}.
 */
class SourceRootsTests {

	@TempDir
	Path temp;

	@Test
	void configuredRootsAreAbsoluteNormalizedAndInTheirOrder() throws IOException {
		Path first = Files.createDirectories(this.temp.resolve("b"));
		Path second = Files.createDirectories(this.temp.resolve("a"));
		SourceRoots roots = SourceRoots.of(List.of(first.resolve("../b"), second, first), List.of(), List.of());
		assertThat(roots.getRoots()).containsExactly(first.toAbsolutePath(), second.toAbsolutePath());
	}

	@Test
	void configuredRootThatDoesNotExistFailsNamingTheProperty() {
		Path missing = this.temp.resolve("missing");
		assertThatIllegalStateException().isThrownBy(() -> SourceRoots.of(List.of(missing), List.of(), List.of()))
			.withMessageContaining("hmr.watch.roots")
			.withMessageContaining(missing.toString())
			.withMessageContaining("does not exist");
	}

	@Test
	void configuredRootThatIsAFileFailsNamingTheProperty() throws IOException {
		Path file = Files.writeString(this.temp.resolve("file.txt"), "text");
		assertThatIllegalStateException().isThrownBy(() -> SourceRoots.of(List.of(file), List.of(), List.of()))
			.withMessageContaining("hmr.watch.roots")
			.withMessageContaining(file.toString())
			.withMessageContaining("is not a directory");
	}

	@Test
	void invalidGlobFailsNamingTheProperty() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SourceRoots.of(List.of(this.temp), List.of(), List.of("{unclosed")))
			.withMessageContaining("hmr.watch.exclude")
			.withMessageContaining("{unclosed");
	}

	@Test
	void discoversTheResourceFoldersOfTheWorkingDirectory() throws IOException {
		Path module = this.temp.resolve("app");
		Path resources = Files.createDirectories(module.resolve("src/main/resources"));
		Files.createDirectories(resources.resolve("static"));
		Files.createDirectories(resources.resolve("templates"));
		Files.createDirectories(resources.resolve("config"));
		SourceRoots roots = SourceRoots.discover(emptyClassLoader(), module, List.of(), List.of());
		assertThat(roots.getRoots()).containsExactly(resources.resolve("static"), resources.resolve("templates"));
	}

	@Test
	void discoversTheResourceFoldersOfAMavenModuleOnTheClassPath() throws IOException {
		Path reactor = this.temp.resolve("project");
		Path resources = Files.createDirectories(reactor.resolve("app/src/main/resources"));
		Files.createDirectories(resources.resolve("static"));
		Files.createDirectories(resources.resolve("public"));
		Path classes = Files.createDirectories(reactor.resolve("app/target/classes/static"));
		try (URLClassLoader classLoader = classLoader(classes.getParent())) {
			SourceRoots roots = SourceRoots.discover(classLoader, reactor, List.of(), List.of());
			assertThat(roots.getRoots()).containsExactly(resources.resolve("static"), resources.resolve("public"));
		}
	}

	@Test
	void discoversTheResourceFoldersOfAGradleModuleOnTheClassPath() throws IOException {
		Path module = this.temp.resolve("app");
		Path resources = Files.createDirectories(module.resolve("src/main/resources"));
		Files.createDirectories(resources.resolve("META-INF/resources"));
		Path output = Files.createDirectories(module.resolve("build/resources/main"));
		try (URLClassLoader classLoader = classLoader(output,
				Files.createDirectories(module.resolve("build/classes/java/main")))) {
			SourceRoots roots = SourceRoots.discover(classLoader, this.temp, List.of(), List.of());
			assertThat(roots.getRoots()).containsExactly(resources.resolve("META-INF/resources"));
		}
	}

	@Test
	void discoveredFoldersFollowSpringMvcsStaticLocationsThenTemplates() throws IOException {
		Path resources = Files.createDirectories(this.temp.resolve("src/main/resources"));
		for (String folder : List.of("templates", "public", "static", "resources", "META-INF/resources")) {
			Files.createDirectories(resources.resolve(folder));
		}
		SourceRoots roots = SourceRoots.discover(emptyClassLoader(), this.temp, List.of(), List.of());
		assertThat(roots.getRoots()).containsExactly(resources.resolve("META-INF/resources"),
				resources.resolve("resources"), resources.resolve("static"), resources.resolve("public"),
				resources.resolve("templates"));
	}

	@Test
	void moduleInTheWorkingDirectoryAndOnTheClassPathIsDiscoveredOnce() throws IOException {
		Path resources = Files.createDirectories(this.temp.resolve("src/main/resources/static")).getParent();
		Path classes = Files.createDirectories(this.temp.resolve("target/classes/static")).getParent();
		try (URLClassLoader classLoader = classLoader(classes,
				Files.createDirectories(this.temp.resolve("target/test-classes")))) {
			SourceRoots roots = SourceRoots.discover(classLoader, this.temp, List.of(), List.of());
			assertThat(roots.getRoots()).containsExactly(resources.resolve("static"));
		}
	}

	@Test
	void discoversNothingOutsideAProject() throws IOException {
		Path output = Files.createDirectories(this.temp.resolve("lib/classes/static"));
		try (URLClassLoader classLoader = classLoader(output.getParent())) {
			SourceRoots roots = SourceRoots.discover(classLoader, this.temp, List.of(), List.of());
			assertThat(roots.isEmpty()).isTrue();
		}
	}

	@Test
	void rootOfAndRelativizeUseTheRootOfHigherPrecedence() throws IOException {
		Path outer = Files.createDirectories(this.temp.resolve("resources"));
		Path inner = Files.createDirectories(outer.resolve("static"));
		SourceRoots roots = SourceRoots.of(List.of(inner, outer), List.of(), List.of());
		assertThat(roots.rootOf(inner.resolve("js/app.js"))).isEqualTo(inner);
		assertThat(roots.relativize(inner.resolve("js/app.js"))).isEqualTo(Path.of("js/app.js"));
		assertThat(roots.rootOf(outer.resolve("other.txt"))).isEqualTo(outer);
		assertThat(roots.relativize(outer.resolve("static/../other.txt"))).isEqualTo(Path.of("other.txt"));
		assertThat(roots.rootOf(this.temp.resolve("elsewhere.txt"))).isNull();
		assertThat(roots.relativize(this.temp.resolve("elsewhere.txt"))).isNull();
		assertThat(roots.rootOf(this.temp.resolve("resources-other/a.txt"))).isNull();
	}

	@Test
	void includesFilesUnderTheRootsOnly() {
		SourceRoots roots = SourceRoots.of(List.of(this.temp), List.of(), List.of());
		assertThat(roots.includes(this.temp.resolve("js/app.js"))).isTrue();
		assertThat(roots.includes(this.temp)).isFalse();
		assertThat(roots.includes(this.temp.resolveSibling("other.js"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { ".app.js.swp", ".app.js.swx", "app.js~", "#app.js#", ".#app.js", "app.js.tmp", "4913",
			".DS_Store", "js/.DS_Store", ".git/HEAD", ".git/objects/ab/cdef", "node_modules/lib/index.js",
			"js/node_modules/lib/index.js", ".idea/workspace.xml", "app.js___jb_tmp___", "app.js___jb_old___" })
	void editorAndToolFilesAreNeverIncluded(String path) {
		SourceRoots roots = SourceRoots.of(List.of(this.temp), List.of("**"), List.of());
		assertThat(roots.includes(this.temp.resolve(path))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "app.js", "js/app.js", "#notes", "gitignore.txt", "modules/node.js", "49130" })
	void lookalikesOfIgnoredFilesAreIncluded(String path) {
		SourceRoots roots = SourceRoots.of(List.of(this.temp), List.of(), List.of());
		assertThat(roots.includes(this.temp.resolve(path))).isTrue();
	}

	@Test
	void includeGlobsAreRelativeToTheRoot() {
		SourceRoots roots = SourceRoots.of(List.of(this.temp), List.of("js/*.js", "**/*.css"), List.of());
		assertThat(roots.includes(this.temp.resolve("js/app.js"))).isTrue();
		assertThat(roots.includes(this.temp.resolve("js/lib/app.js"))).isFalse();
		assertThat(roots.includes(this.temp.resolve("app.js"))).isFalse();
		assertThat(roots.includes(this.temp.resolve("css/deep/app.css"))).isTrue();
		assertThat(roots.includes(this.temp.resolve("app.css"))).as("leading **/ matches at the root").isTrue();
	}

	@Test
	void excludeGlobsWinOverIncludeGlobs() {
		SourceRoots roots = SourceRoots.of(List.of(this.temp), List.of("**/*.js"), List.of("vendor/**", "**/*.min.js"));
		assertThat(roots.includes(this.temp.resolve("js/app.js"))).isTrue();
		assertThat(roots.includes(this.temp.resolve("vendor/lib.js"))).isFalse();
		assertThat(roots.includes(this.temp.resolve("vendor/deep/lib.js"))).isFalse();
		assertThat(roots.includes(this.temp.resolve("app.min.js"))).isFalse();
		assertThat(roots.includes(this.temp.resolve("js/app.min.js"))).isFalse();
	}

	@Test
	void jteTemplatesAreDiscoveredWatchedButNotServed() throws IOException {
		Path statics = Files.createDirectories(this.temp.resolve("src/main/resources/static"));
		Path jte = Files.createDirectories(this.temp.resolve("src/main/jte"));
		SourceRoots roots = SourceRoots.discover(emptyClassLoader(), this.temp, List.of(), List.of());
		assertThat(roots.getRoots()).containsExactly(statics, jte);
		assertThat(roots.getServedRoots()).containsExactly(statics);
		assertThat(roots.getTemplateRoots()).isEmpty();
	}

	@Test
	void templateFoldersAreWatchedButNotServed() throws IOException {
		Path templates = Files.createDirectories(this.temp.resolve("templates"));
		Path statics = Files.createDirectories(this.temp.resolve("static"));
		SourceRoots roots = SourceRoots.of(List.of(templates, statics), List.of(), List.of());
		assertThat(roots.getServedRoots()).containsExactly(statics.toAbsolutePath());
		assertThat(roots.getTemplateRoots()).containsExactly(templates.toAbsolutePath());
	}

	@Test
	void configuredRootsWinOverDiscovery() throws IOException {
		Path configured = Files.createDirectories(this.temp.resolve("assets"));
		SourceRoots roots = SourceRoots.configuredOrDiscovered(List.of(configured), List.of(), List.of(),
				emptyClassLoader());
		assertThat(roots.getRoots()).containsExactly(configured.toAbsolutePath());
	}

	@Test
	void withoutConfiguredRootsTheyAreDiscoveredAlsoWithoutAClassLoader() {
		SourceRoots expected = SourceRoots.discover(SourceRoots.class.getClassLoader(), Path.of("").toAbsolutePath(),
				List.of(), List.of());
		assertThat(SourceRoots.configuredOrDiscovered(List.of(), List.of(), List.of(), null).getRoots())
			.isEqualTo(expected.getRoots());
	}

	private static URLClassLoader emptyClassLoader() {
		return new URLClassLoader(new URL[0], null);
	}

	private static URLClassLoader classLoader(Path... directories) throws IOException {
		URL[] urls = new URL[directories.length];
		for (int i = 0; i < directories.length; i++) {
			urls[i] = directories[i].toUri().toURL();
		}
		return new URLClassLoader(urls, null);
	}

}
