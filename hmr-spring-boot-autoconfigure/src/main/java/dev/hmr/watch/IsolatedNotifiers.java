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
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The {@link Notifiers} that call JNA and directory-watcher, loaded from the jars this
 * module carries in {@value #LIBRARIES} (copied there by the build) by a class loader of
 * their own: the application's class path never gets them, and an application's own JNA,
 * of whatever version, is neither shadowed nor downgraded. That class loader looks in
 * those jars first for JNA, directory-watcher and {@code dev.hmr.watch.nativeio} (whose
 * classes it defines itself from this module's class files), and asks its parent first
 * for everything else (the JDK, Spring, commons-logging, SLF4J).
 */
final class IsolatedNotifiers {

	static final String LIBRARIES = "META-INF/hmr/lib/";

	static final String ISOLATED_PACKAGE = "dev.hmr.watch.nativeio.";

	private static final List<String> JARS = List.of("jna.jar", "directory-watcher.jar", "slf4j-api.jar");

	private static final String[] CHILD_FIRST = { "com.sun.jna.", "io.methvin.", ISOLATED_PACKAGE };

	private static final String IMPLEMENTATION = ISOLATED_PACKAGE + "NativeNotifiers";

	private static final Object monitor = new Object();

	private static @Nullable Notifiers notifiers;

	private static @Nullable RuntimeException failure;

	private IsolatedNotifiers() {
	}

	/**
	 * The notifiers, loaded on first use.
	 * @return the notifiers
	 * @throws IllegalStateException if they cannot be loaded
	 */
	static Notifiers get() {
		synchronized (monitor) {
			if (notifiers == null && failure == null) {
				try {
					notifiers = load(IsolatedNotifiers.class.getClassLoader());
				}
				catch (Exception | LinkageError ex) {
					failure = new IllegalStateException(
							"Unable to load the watcher's libraries from " + LIBRARIES + " (" + Loggable.of(ex) + ")",
							ex);
				}
			}
			if (notifiers == null) {
				throw failure;
			}
			return notifiers;
		}
	}

	private static Notifiers load(ClassLoader parent) throws IOException, ReflectiveOperationException {
		List<URL> jars = new ArrayList<>();
		Path extracted = null;
		for (String jar : JARS) {
			URL url = parent.getResource(LIBRARIES + jar);
			if (url == null) {
				throw new IllegalStateException(LIBRARIES + jar + " is missing");
			}
			if ("file".equals(url.getProtocol())) {
				jars.add(url);
				continue;
			}
			// Inside a jar (ours, or nested in an application's): a class loader needs a
			// file.
			if (extracted == null) {
				extracted = Files.createTempDirectory("hmr-watch-lib");
				extracted.toFile().deleteOnExit();
			}
			Path file = extracted.resolve(jar);
			file.toFile().deleteOnExit();
			try (InputStream in = url.openStream()) {
				Files.copy(in, file);
			}
			jars.add(file.toUri().toURL());
		}
		ClassLoader loader = new IsolatingClassLoader(jars.toArray(URL[]::new), parent);
		return (Notifiers) Class.forName(IMPLEMENTATION, true, loader).getDeclaredConstructor().newInstance();
	}

	private static boolean isChildFirst(String name) {
		for (String prefix : CHILD_FIRST) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Child-first for JNA, directory-watcher and our code that calls them; parent-first
	 * otherwise.
	 */
	static final class IsolatingClassLoader extends URLClassLoader {

		static {
			ClassLoader.registerAsParallelCapable();
		}

		IsolatingClassLoader(URL[] jars, ClassLoader parent) {
			super("hmr-watch", jars, parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!isChildFirst(name)) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					loaded = name.startsWith(ISOLATED_PACKAGE) ? defineFromParent(name) : findClass(name);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

		private Class<?> defineFromParent(String name) throws ClassNotFoundException {
			String resource = name.replace('.', '/') + ".class";
			try (InputStream in = getParent().getResourceAsStream(resource)) {
				if (in == null) {
					throw new ClassNotFoundException(name);
				}
				byte[] bytes = in.readAllBytes();
				return defineClass(name, bytes, 0, bytes.length, IsolatedNotifiers.class.getProtectionDomain());
			}
			catch (IOException ex) {
				throw new ClassNotFoundException(name, ex);
			}
		}

		// JNA finds its native part as a resource next to its classes: ours, not the
		// application's.
		@Override
		public @Nullable URL getResource(String name) {
			if (isChildFirst(name.replace('/', '.'))) {
				URL url = findResource(name);
				if (url != null) {
					return url;
				}
			}
			return super.getResource(name);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			return isChildFirst(name.replace('/', '.')) ? findResources(name) : super.getResources(name);
		}

	}

}
