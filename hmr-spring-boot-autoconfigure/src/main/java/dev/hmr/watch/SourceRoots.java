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
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The source folders that are watched and served, in order of precedence, with the rules
 * of which files under them are sources. Either configured ({@code hmr.watch.roots}) or
 * discovered from the project's {@code src/main/resources}.
 *
 * @since 0.1.0
 */
public final class SourceRoots {

	private static final Log logger = LogFactory.getLog(SourceRoots.class);

	private static final String PROPERTY = "hmr.watch.roots";

	private static final Path SOURCE_RESOURCES = Path.of("src", "main", "resources");

	private static final String TEMPLATES = "templates";

	/**
	 * jte's template folder ({@code gg.jte.template-location}'s default): watched, never
	 * served, and not a Thymeleaf template root.
	 */
	private static final Path JTE_TEMPLATES = Path.of("src", "main", "jte");

	/**
	 * Resource folders discovered by default: Spring MVC's static locations in the order
	 * it resolves them ({@code META-INF/resources}, {@code resources}, {@code static},
	 * {@code public}), then the template folder.
	 */
	private static final List<Path> DEFAULT_FOLDERS = List.of(Path.of("META-INF", "resources"), Path.of("resources"),
			Path.of("static"), Path.of("public"), Path.of(TEMPLATES));

	/**
	 * How many folders a build's output may sit below its module: {@code target/classes}
	 * (Maven), {@code build/resources/main} (Gradle), {@code out/production/resources}
	 * (IntelliJ), {@code bin/main} (Eclipse).
	 */
	private static final int MAX_OUTPUT_DEPTH = 4;

	private final List<Path> roots;

	private final SourceFilter filter;

	private SourceRoots(List<Path> roots, SourceFilter filter) {
		this.roots = List.copyOf(roots);
		this.filter = filter;
	}

	/**
	 * Use configured roots, as given by {@code hmr.watch.roots}. Relative paths are
	 * resolved against the working directory.
	 * @param roots the roots in order of precedence
	 * @param include glob patterns, relative to a root, of files to watch; empty means
	 * all
	 * @param exclude glob patterns, relative to a root, of files to ignore
	 * @return the source roots
	 * @throws IllegalStateException if a root does not exist or is not a directory, or a
	 * pattern is not a valid glob
	 */
	public static SourceRoots of(List<Path> roots, List<String> include, List<String> exclude) {
		Assert.notNull(roots, "'roots' must not be null");
		Set<Path> validated = new LinkedHashSet<>();
		for (Path root : roots) {
			Assert.notNull(root, "'roots' must not contain null");
			Path absolute = normalize(root);
			if (!Files.exists(absolute)) {
				throw new IllegalStateException(PROPERTY + ": '" + root + "' (" + absolute + ") does not exist");
			}
			if (!Files.isDirectory(absolute)) {
				throw new IllegalStateException(PROPERTY + ": '" + root + "' (" + absolute + ") is not a directory");
			}
			validated.add(absolute);
		}
		return new SourceRoots(new ArrayList<>(validated), SourceFilter.of(include, exclude));
	}

	/**
	 * Use the configured roots, or when none are configured discover those of the project
	 * in the working directory ({@link #discover}).
	 * @param roots the configured roots, possibly none
	 * @param include glob patterns, relative to a root, of files to watch; empty means
	 * all
	 * @param exclude glob patterns, relative to a root, of files to ignore
	 * @param classLoader the class loader of the application, or {@code null} for this
	 * class's
	 * @return the source roots
	 */
	public static SourceRoots configuredOrDiscovered(List<Path> roots, List<String> include, List<String> exclude,
			@Nullable ClassLoader classLoader) {
		Assert.notNull(roots, "'roots' must not be null");
		if (!roots.isEmpty()) {
			return of(roots, include, exclude);
		}
		return discover((classLoader != null) ? classLoader : SourceRoots.class.getClassLoader(),
				Path.of("").toAbsolutePath(), include, exclude);
	}

	/**
	 * Discover the roots of a project run from its build's output: the
	 * {@code src/main/resources} folders {@code META-INF/resources}, {@code resources},
	 * {@code static}, {@code public} and {@code templates} that exist, then jte's
	 * {@code src/main/jte} if it exists, of the module in the working directory and of
	 * each module whose build output ({@code target/classes},
	 * {@code build/resources/main}, ...) is a directory on the class path.
	 * @param classLoader the class loader of the application
	 * @param workingDirectory the working directory of the application
	 * @param include glob patterns, relative to a root, of files to watch; empty means
	 * all
	 * @param exclude glob patterns, relative to a root, of files to ignore
	 * @return the source roots, possibly none
	 */
	public static SourceRoots discover(ClassLoader classLoader, Path workingDirectory, List<String> include,
			List<String> exclude) {
		Assert.notNull(classLoader, "'classLoader' must not be null");
		Assert.notNull(workingDirectory, "'workingDirectory' must not be null");
		Set<Path> modules = new LinkedHashSet<>();
		Path workingModule = normalize(workingDirectory);
		if (Files.isDirectory(workingModule.resolve(SOURCE_RESOURCES))) {
			modules.add(workingModule);
		}
		for (Path output : classPathDirectories(classLoader)) {
			Path module = moduleOf(output);
			if (module != null) {
				modules.add(module);
			}
		}
		List<Path> roots = new ArrayList<>();
		for (Path module : modules) {
			for (Path folder : DEFAULT_FOLDERS) {
				Path root = module.resolve(SOURCE_RESOURCES).resolve(folder);
				if (Files.isDirectory(root)) {
					roots.add(root);
				}
			}
			Path jte = module.resolve(JTE_TEMPLATES);
			if (Files.isDirectory(jte)) {
				roots.add(jte);
			}
		}
		return new SourceRoots(roots, SourceFilter.of(include, exclude));
	}

	private static Set<Path> classPathDirectories(ClassLoader classLoader) {
		Set<Path> directories = new LinkedHashSet<>();
		addDirectories(directories, classLoader, Path.of(""));
		for (Path folder : DEFAULT_FOLDERS) {
			addDirectories(directories, classLoader, folder);
		}
		return directories;
	}

	private static void addDirectories(Set<Path> directories, ClassLoader classLoader, Path folder) {
		String name = folder.toString().replace(folder.getFileSystem().getSeparator(), "/");
		Enumeration<URL> urls;
		try {
			urls = classLoader.getResources(name);
		}
		catch (IOException ex) {
			logger.debug("Unable to list class path entries for '" + Loggable.of(name) + "'", ex);
			return;
		}
		int depth = name.isEmpty() ? 0 : folder.getNameCount();
		for (URL url : Collections.list(urls)) {
			Path directory = directoryOf(url);
			for (int i = 0; i < depth && directory != null; i++) {
				directory = directory.getParent();
			}
			if (directory != null) {
				directories.add(directory);
			}
		}
	}

	private static @Nullable Path directoryOf(URL url) {
		if (!"file".equals(url.getProtocol())) {
			return null;
		}
		try {
			Path path = normalize(Path.of(url.toURI()));
			return Files.isDirectory(path) ? path : null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			logger.debug("Ignoring class path entry " + Loggable.of(url), ex);
			return null;
		}
	}

	private static @Nullable Path moduleOf(Path output) {
		Path candidate = output.getParent();
		for (int depth = 1; depth <= MAX_OUTPUT_DEPTH && candidate != null; depth++) {
			if (Files.isDirectory(candidate.resolve(SOURCE_RESOURCES))) {
				return candidate;
			}
			candidate = candidate.getParent();
		}
		return null;
	}

	private static Path normalize(Path path) {
		return path.toAbsolutePath().normalize();
	}

	/**
	 * The roots, in order of precedence.
	 * @return the absolute, normalized roots
	 */
	public List<Path> getRoots() {
		return this.roots;
	}

	/**
	 * The roots served to browsers: all but server-side template folders
	 * ({@code templates} and jte's {@code src/main/jte}), which are watched (a change
	 * reloads the page) but never sent as they are.
	 * @return the served roots, in order of precedence
	 */
	public List<Path> getServedRoots() {
		return this.roots.stream().filter((root) -> !isTemplates(root) && !root.endsWith(JTE_TEMPLATES)).toList();
	}

	/**
	 * The roots that hold server-side templates: folders named {@code templates}.
	 * @return the template roots, in order of precedence
	 */
	public List<Path> getTemplateRoots() {
		return this.roots.stream().filter(SourceRoots::isTemplates).toList();
	}

	private static boolean isTemplates(Path root) {
		Path name = root.getFileName();
		return name != null && name.toString().equals(TEMPLATES);
	}

	/**
	 * Whether there are no roots.
	 * @return {@code true} if nothing is watched
	 */
	public boolean isEmpty() {
		return this.roots.isEmpty();
	}

	/**
	 * The root a path is under: the first in order of precedence, if roots are nested.
	 * @param path a path
	 * @return the root, or {@code null} if the path is under none
	 */
	public @Nullable Path rootOf(Path path) {
		Assert.notNull(path, "'path' must not be null");
		Path absolute = normalize(path);
		for (Path root : this.roots) {
			if (absolute.startsWith(root)) {
				return root;
			}
		}
		return null;
	}

	/**
	 * The path relative to its root.
	 * @param path a path
	 * @return the relative path (empty for a root itself), or {@code null} if the path is
	 * under no root
	 * @see #rootOf(Path)
	 */
	public @Nullable Path relativize(Path path) {
		Path root = rootOf(path);
		return (root != null) ? root.relativize(normalize(path)) : null;
	}

	/**
	 * Whether the path is a source file's path: under a root, not an editor's swap,
	 * backup or temporary file nor under {@code .git}, {@code node_modules} or
	 * {@code .idea}, matched by an include pattern (if any) and by no exclude pattern.
	 * Whether the file exists is not checked.
	 * @param path a path
	 * @return whether the path is a source
	 */
	public boolean includes(Path path) {
		Path relativePath = relativize(path);
		return relativePath != null && !relativePath.toString().isEmpty() && this.filter.includes(relativePath);
	}

	/**
	 * Whether the path is outside the roots or is always ignored, whatever the globs.
	 * @param path a path
	 * @return whether nothing at the path is watched
	 */
	boolean isIgnored(Path path) {
		Path relativePath = relativize(path);
		return relativePath == null || this.filter.isIgnored(relativePath);
	}

	/**
	 * The roots to register with a watcher: a root nested in another is watched through
	 * the outer one.
	 * @return the outermost roots
	 */
	List<Path> outermostRoots() {
		List<Path> outermost = new ArrayList<>();
		for (Path root : this.roots) {
			boolean nested = false;
			for (Path other : this.roots) {
				if (!other.equals(root) && root.startsWith(other)) {
					nested = true;
					break;
				}
			}
			if (!nested) {
				outermost.add(root);
			}
		}
		return outermost;
	}

	@Override
	public String toString() {
		return this.roots.toString();
	}

}
