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

package dev.hmr.access;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Files that are never served, whatever root or static location holds them (Vite's
 * {@code server.fs.deny}): glob patterns over the path relative to what serves it, a
 * pattern without {@code /} matching a file of that name in any folder, compared without
 * case (so that a case-insensitive file system cannot be asked for {@code .ENV}).
 *
 * @since 0.1.0
 */
public final class DeniedFiles {

	private static final String ANY_FOLDERS = "**/";

	private final List<String> patterns;

	private final List<PathMatcher> matchers = new ArrayList<>();

	/**
	 * Deny the files the patterns match.
	 * @param patterns glob patterns ({@link FileSystem#getPathMatcher(String) glob
	 * syntax})
	 * @throws IllegalStateException if a pattern is not a valid glob
	 */
	public DeniedFiles(Collection<String> patterns) {
		Assert.notNull(patterns, "'patterns' must not be null");
		this.patterns = List.copyOf(patterns);
		FileSystem fileSystem = FileSystems.getDefault();
		for (String pattern : this.patterns) {
			Assert.hasText(pattern, "'hmr.fs.deny' must not contain empty patterns");
			String glob = pattern.trim().toLowerCase(Locale.ROOT);
			while (glob.startsWith("/")) {
				glob = glob.substring(1);
			}
			try {
				this.matchers.add(fileSystem.getPathMatcher("glob:" + glob));
				if (!glob.contains("/")) {
					this.matchers.add(fileSystem.getPathMatcher("glob:" + ANY_FOLDERS + glob));
				}
				else if (glob.startsWith(ANY_FOLDERS)) {
					this.matchers.add(fileSystem.getPathMatcher("glob:" + glob.substring(ANY_FOLDERS.length())));
				}
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalStateException("Invalid glob '" + pattern + "' in hmr.fs.deny: " + ex.getMessage(),
						ex);
			}
		}
	}

	/**
	 * The patterns, as configured.
	 * @return the patterns
	 */
	public List<String> patterns() {
		return this.patterns;
	}

	/**
	 * Whether a path is denied.
	 * @param path a normalised path (decoded, {@code /}-separated), relative or starting
	 * with {@code /}
	 * @return whether a pattern matches it
	 */
	public boolean isDenied(String path) {
		String relative = path.toLowerCase(Locale.ROOT);
		while (relative.startsWith("/")) {
			relative = relative.substring(1);
		}
		if (relative.isEmpty()) {
			return false;
		}
		@Nullable Path candidate;
		try {
			candidate = Path.of(relative);
		}
		catch (InvalidPathException ex) {
			// a NUL or the like: no file has such a name, and the resource handler
			// refuses it
			return false;
		}
		for (PathMatcher matcher : this.matchers) {
			if (matcher.matches(candidate)) {
				return true;
			}
		}
		return false;
	}

}
