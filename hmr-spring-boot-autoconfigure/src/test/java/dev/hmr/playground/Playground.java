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

package dev.hmr.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh project folder holding a copy of the scenarios under
 * {@code src/test/resources/playground/<scenario>/}, in the style of Vite's
 * {@code playground/hmr/*}: each scenario is served from {@code /<scenario>/} (the
 * {@code static} root). Copy it before the application starts, so that the only file
 * events a test sees are its own edits.
 */
final class Playground {

	private final Path root;

	private Playground(Path root) {
		this.root = root;
	}

	/**
	 * Copy every scenario into a new temporary project.
	 * @return the project
	 */
	static Playground copy() {
		try {
			Path project = Files.createTempDirectory("hmr-playground").toRealPath();
			Path fixtures = fixtures();
			Path target = project.resolve("static");
			try (Stream<Path> files = Files.walk(fixtures)) {
				for (Path file : (Iterable<Path>) files::iterator) {
					Path copy = target.resolve(fixtures.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(copy);
					}
					else {
						Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
			Files.createDirectories(project.resolve("templates"));
			return new Playground(project);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path fixtures() {
		URL url = Playground.class.getClassLoader().getResource("playground");
		assertThat(url).as("playground fixtures on the test class path").isNotNull();
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The roots to watch and serve ({@code hmr.watch.roots}).
	 * @return the static and templates folders, comma separated
	 */
	String roots() {
		return this.root.resolve("static") + "," + this.root.resolve("templates");
	}

	/**
	 * A file of the served ({@code static}) root.
	 * @param relative such as {@code self-accept/counter.js}
	 * @return the file
	 */
	Path file(String relative) {
		return this.root.resolve("static").resolve(relative);
	}

	/**
	 * Save a served file with new content.
	 * @param relative such as {@code self-accept/counter.js}
	 * @param content the content
	 */
	void write(String relative, String content) {
		try {
			Files.writeString(file(relative), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Save a served file with its content changed, as an editor does.
	 * @param relative such as {@code self-accept/counter.js}
	 * @param change the change
	 */
	void edit(String relative, UnaryOperator<String> change) {
		try {
			String before = Files.readString(file(relative));
			String after = change.apply(before);
			assertThat(after).as("the edit of %s changes it", relative).isNotEqualTo(before);
			Files.writeString(file(relative), after);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Delete the project.
	 */
	void delete() {
		FileSystemUtils.deleteRecursively(this.root.toFile());
	}

}
