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

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.springframework.util.Assert;

/**
 * Which files under a source root are sources: editors' swap, backup and temporary files
 * and tool folders are never sources; user globs ({@code hmr.watch.include} and
 * {@code hmr.watch.exclude}) narrow the rest. All checks take paths relative to a root.
 *
 * @see SourceRoots#includes(Path)
 */
final class SourceFilter {

	/**
	 * Folders that never hold sources; nothing under them is watched.
	 */
	private static final Set<String> IGNORED_DIRECTORIES = Set.of(".git", "node_modules", ".idea");

	/**
	 * vim's probe for a writable folder, created and deleted on every save.
	 */
	private static final String VIM_PROBE = "4913";

	private static final List<String> IGNORED_SUFFIXES = List.of(
			// vim's swap files
			".swp", ".swx", ".swo",
			// backups of vim, emacs, gedit and others
			"~",
			// temporary files of atomic saves
			".tmp",
			// IntelliJ's "safe write" temporary and backup files
			"___jb_tmp___", "___jb_old___");

	private static final String LEADING_ANY_FOLDERS = "**/";

	private final List<PathMatcher> include;

	private final List<PathMatcher> exclude;

	private SourceFilter(List<PathMatcher> include, List<PathMatcher> exclude) {
		this.include = include;
		this.exclude = exclude;
	}

	/**
	 * Create a filter from glob patterns ({@link FileSystem#getPathMatcher(String) glob
	 * syntax}) relative to a root. A leading {@code **}{@code /} also matches at the root
	 * itself, as in Vite's globs.
	 * @param include patterns of files to watch; empty means all
	 * @param exclude patterns of files to ignore
	 * @return the filter
	 */
	static SourceFilter of(List<String> include, List<String> exclude) {
		Assert.notNull(include, "'include' must not be null");
		Assert.notNull(exclude, "'exclude' must not be null");
		return new SourceFilter(matchers("hmr.watch.include", include), matchers("hmr.watch.exclude", exclude));
	}

	private static List<PathMatcher> matchers(String property, List<String> patterns) {
		FileSystem fileSystem = FileSystems.getDefault();
		List<PathMatcher> matchers = new ArrayList<>();
		for (String pattern : patterns) {
			Assert.hasText(pattern, () -> "'" + property + "' must not contain empty patterns");
			try {
				matchers.add(fileSystem.getPathMatcher("glob:" + pattern));
				if (pattern.startsWith(LEADING_ANY_FOLDERS)) {
					matchers.add(fileSystem.getPathMatcher("glob:" + pattern.substring(LEADING_ANY_FOLDERS.length())));
				}
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalStateException(
						"Invalid glob '" + pattern + "' in " + property + ": " + ex.getMessage(), ex);
			}
		}
		return List.copyOf(matchers);
	}

	/**
	 * Whether a folder of this name is never watched.
	 * @param name the folder's name
	 * @return whether the folder is ignored
	 */
	static boolean isIgnoredDirectoryName(String name) {
		return IGNORED_DIRECTORIES.contains(name);
	}

	/**
	 * Whether a file of this name is an editor's swap, backup or temporary file, or
	 * another file that is never a source.
	 * @param name the file's name
	 * @return whether the file is ignored
	 */
	static boolean isIgnoredFileName(String name) {
		if (name.equals(VIM_PROBE) || name.equals(".DS_Store") || name.startsWith(".#")) {
			return true;
		}
		if (name.length() > 1 && name.startsWith("#") && name.endsWith("#")) {
			return true;
		}
		for (String suffix : IGNORED_SUFFIXES) {
			if (name.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the path is never watched, whatever the globs say: it is, or is inside, an
	 * ignored folder, or its name is an ignored file name.
	 * @param relativePath the path relative to its root
	 * @return whether the path is ignored
	 */
	boolean isIgnored(Path relativePath) {
		for (Path name : relativePath) {
			if (isIgnoredDirectoryName(name.toString())) {
				return true;
			}
		}
		Path fileName = relativePath.getFileName();
		return fileName != null && isIgnoredFileName(fileName.toString());
	}

	/**
	 * Whether the file is a source: not ignored, matched by an include pattern (if there
	 * are any) and by no exclude pattern.
	 * @param relativePath the path relative to its root
	 * @return whether the file is a source
	 */
	boolean includes(Path relativePath) {
		return !isIgnored(relativePath) && (this.include.isEmpty() || matchesAny(this.include, relativePath))
				&& !matchesAny(this.exclude, relativePath);
	}

	private static boolean matchesAny(List<PathMatcher> matchers, Path relativePath) {
		for (PathMatcher matcher : matchers) {
			if (matcher.matches(relativePath)) {
				return true;
			}
		}
		return false;
	}

}
