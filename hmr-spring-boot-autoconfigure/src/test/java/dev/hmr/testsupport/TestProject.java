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

package dev.hmr.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A project folder for an integration test: a new temporary folder, under its real path
 * as the watcher reports it, with the files the test saves.
 */
public final class TestProject {

	private final Path dir;

	private TestProject(Path dir) {
		this.dir = dir;
	}

	/**
	 * Create an empty project in a new temporary folder.
	 * @param prefix the start of the folder's name
	 * @return the project
	 */
	public static TestProject create(String prefix) {
		try {
			return new TestProject(Files.createTempDirectory(prefix).toRealPath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Add a file, as a project is set up before the application starts.
	 * @param relative its path in the project
	 * @param content its text
	 * @return this project
	 */
	public TestProject with(String relative, String content) {
		write(relative, content);
		return this;
	}

	/**
	 * Write a file, creating its folders.
	 * @param relative its path in the project
	 * @param content its text
	 * @return the file
	 */
	public Path write(String relative, String content) {
		return TestFiles.write(this.dir, relative, content);
	}

	/**
	 * Change a file in place, as an editor saves it.
	 * @param relative its path in the project
	 * @param change what to make of its text
	 */
	public void edit(String relative, UnaryOperator<String> change) {
		Path file = resolve(relative);
		try {
			Files.writeString(file, change.apply(Files.readString(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A path in the project.
	 * @param relative the path in the project
	 * @return the absolute path
	 */
	public Path resolve(String relative) {
		return this.dir.resolve(relative);
	}

	/**
	 * Folders of the project as {@code hmr.watch.roots} takes them.
	 * @param folders the folders, relative to the project
	 * @return their absolute paths, comma-separated
	 */
	public String roots(String... folders) {
		return Arrays.stream(folders).map((folder) -> resolve(folder).toString()).collect(Collectors.joining(","));
	}

}
