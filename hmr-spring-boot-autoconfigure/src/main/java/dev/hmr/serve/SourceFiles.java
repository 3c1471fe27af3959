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

package dev.hmr.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

import dev.hmr.access.LogSafe;
import dev.hmr.transform.ModuleUrls;

/**
 * Which file of the source roots a URL serves: one rule for the resource resolver that
 * answers requests and for the module graph, which records the file behind each imported
 * URL. A file is served from a root only if its real path (symbolic links followed) lies
 * inside the root's real path and outside the hidden folders (watched roots of
 * server-side templates).
 */
final class SourceFiles {

	private static final Log logger = LogFactory.getLog(SourceFiles.class);

	private final List<Path> roots;

	private final List<Path> hidden;

	private final Predicate<String> denied;

	/**
	 * Create the rule for some roots.
	 * @param roots the served roots, in order of precedence
	 * @param hidden folders never served, even when inside a root
	 */
	SourceFiles(List<Path> roots, List<Path> hidden) {
		this(roots, hidden, (path) -> false);
	}

	/**
	 * Create the rule for some roots, with files never served.
	 * @param roots the served roots, in order of precedence
	 * @param hidden folders never served, even when inside a root
	 * @param denied whether a path relative to its root ({@code /}-separated) is never
	 * served: checked on the file a link leads to as well
	 */
	SourceFiles(List<Path> roots, List<Path> hidden, Predicate<String> denied) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(hidden, "'hidden' must not be null");
		Assert.notNull(denied, "'denied' must not be null");
		this.roots = roots.stream().map(SourceFiles::normalize).toList();
		this.hidden = hidden.stream().map(SourceFiles::normalize).toList();
		this.denied = denied;
	}

	/**
	 * The file behind a canonical URL (without the context path): the first root with a
	 * servable regular file at the URL's decoded path.
	 * @param url the URL, with its query if any
	 * @return the absolute, normalised file, or {@code null}
	 */
	@Nullable Path fileOf(String url) {
		String decoded = UriUtils.decode(ModuleUrls.cleanUrl(url), StandardCharsets.UTF_8);
		String relative = decoded.startsWith("/") ? decoded.substring(1) : decoded;
		if (relative.isEmpty() || relative.indexOf('\0') >= 0) {
			return null;
		}
		for (Path root : this.roots) {
			Path candidate;
			try {
				candidate = root.resolve(relative).normalize();
			}
			catch (RuntimeException ex) {
				return null;
			}
			try {
				if (candidate.startsWith(root) && Files.isRegularFile(candidate) && isServable(candidate, root)) {
					return candidate;
				}
			}
			catch (IOException ex) {
				logger.debug("Could not check " + LogSafe.of(candidate), ex);
			}
		}
		return null;
	}

	/**
	 * Whether a file lies under one of the roots, as written.
	 * @param file the absolute, normalised file
	 * @return whether a root contains it
	 */
	boolean isUnderRoot(Path file) {
		for (Path root : this.roots) {
			if (file.startsWith(root)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a file found under a root may be served.
	 * @param file the file, as resolved against the root
	 * @param root the root
	 * @return whether the file exists, lies inside the root once links are followed, and
	 * is in no hidden folder
	 * @throws IOException if a real path cannot be read
	 */
	boolean isServable(Path file, Path root) throws IOException {
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		Path real = file.toRealPath();
		Path realRoot = root.toRealPath();
		if (!real.startsWith(realRoot)) {
			if (logger.isWarnEnabled()) {
				logger.warn("Refused " + LogSafe.of(file) + ": it resolves outside the served root " + root);
			}
			return false;
		}
		// the request's own path was checked before; a link with a harmless name may
		// lead to a denied file (ok.txt -> .env)
		if (!real.equals(file) && this.denied.test(slashes(realRoot.relativize(real)))) {
			logger.warn("Refused " + LogSafe.of(file) + ": it links to a file denied by hmr.fs.deny");
			return false;
		}
		for (Path folder : this.hidden) {
			if (Files.exists(folder) && real.startsWith(folder.toRealPath())) {
				logger.debug("Refused " + LogSafe.of(real) + ": it is in " + folder + ", which is watched, not served");
				return false;
			}
		}
		return true;
	}

	private static String slashes(Path relative) {
		return relative.toString().replace('\\', '/');
	}

	private static Path normalize(Path path) {
		return path.toAbsolutePath().normalize();
	}

}
