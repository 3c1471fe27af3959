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
import java.util.List;

import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.payload.UpdatePayload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the integration tests that save real files and read the socket have in common.
 */
public final class TestFiles {

	private TestFiles() {
	}

	/**
	 * Write a file, creating its folders.
	 * @param dir the folder it is relative to
	 * @param relative its path in that folder
	 * @param content its text
	 * @return the file
	 */
	public static Path write(Path dir, String relative, String content) {
		Path file = dir.resolve(relative);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * The one update of an {@code update} payload.
	 * @param payload the payload, asserted to be an update with exactly one entry
	 * @return the update
	 */
	public static Update single(HotPayload payload) {
		assertThat(payload).isInstanceOf(UpdatePayload.class);
		List<Update> updates = ((UpdatePayload) payload).updates();
		assertThat(updates).hasSize(1);
		return updates.get(0);
	}

}
