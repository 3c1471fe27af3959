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

package dev.hmr.autoconfigure;

import java.io.File;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.NativeDetector;
import org.springframework.core.env.Environment;

/**
 * Whether HMR is active, and why. {@code hmr.enabled} decides when set; otherwise HMR is
 * active only when the application runs from a build's classes, as DevTools decides: not
 * from a packaged jar, not in a native image, not under a test runner.
 *
 * @param active whether HMR is active
 * @param reason why, in words for the start-up log
 */
record HmrEnablement(boolean active, String reason) {

	static final String ENABLED_PROPERTY = "hmr.enabled";

	/**
	 * Stack frames of test runners and build tools (DevTools' list, plus TestNG's and
	 * Spring's AOT processing).
	 */
	private static final List<String> SKIPPED_STACK_PREFIXES = List.of("org.junit.runners.", "org.junit.platform.",
			"org.springframework.boot.test.", "org.testng.", "cucumber.runtime.", "io.cucumber.",
			"org.springframework.boot.SpringApplicationAotProcessor");

	private static final String LOADER_PREFIX = "org.springframework.boot.loader.";

	/**
	 * Decide for the running application, from the calling thread's stack.
	 * @param environment the environment holding {@code hmr.enabled}
	 * @return the decision
	 */
	static HmrEnablement deduce(Environment environment) {
		Boolean enabled = environment.getProperty(ENABLED_PROPERTY, Boolean.class);
		if (enabled != null) {
			return deduce(enabled, List.of(), null, false);
		}
		List<StackWalker.StackFrame> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
			.walk((stream) -> stream.toList());
		List<String> classNames = frames.stream().map(StackWalker.StackFrame::getClassName).toList();
		Optional<Class<?>> mainClass = frames.stream()
			.filter((frame) -> frame.getMethodName().equals("main"))
			.map(StackWalker.StackFrame::getDeclaringClass)
			.reduce((inner, outer) -> outer);
		File source = mainClass.map((type) -> new ApplicationHome(type).getSource()).orElse(null);
		return deduce(null, classNames, source, NativeDetector.inNativeImage());
	}

	/**
	 * Decide from what was observed.
	 * @param enabled the value of {@code hmr.enabled}, or {@code null} when unset
	 * @param stack the class names of the stack that starts the application
	 * @param mainSource the jar or directory the outermost {@code main} method was loaded
	 * from, or {@code null} when unknown
	 * @param nativeImage whether the application runs as a native image
	 * @return the decision
	 */
	static HmrEnablement deduce(@Nullable Boolean enabled, List<String> stack, @Nullable File mainSource,
			boolean nativeImage) {
		if (enabled != null) {
			return new HmrEnablement(enabled, ENABLED_PROPERTY + "=" + enabled);
		}
		if (nativeImage) {
			return new HmrEnablement(false, "running as a native image");
		}
		for (String className : stack) {
			if (className.startsWith(LOADER_PREFIX)) {
				return new HmrEnablement(false, "running from a packaged jar");
			}
		}
		for (String className : stack) {
			for (String prefix : SKIPPED_STACK_PREFIXES) {
				if (className.startsWith(prefix)) {
					return new HmrEnablement(false,
							"running under a test runner or build tool; set " + ENABLED_PROPERTY + "=true to force");
				}
			}
		}
		if (mainSource == null) {
			return new HmrEnablement(false, "no main class found (deployed to a servlet container?)");
		}
		if (mainSource.isFile()) {
			return new HmrEnablement(false, "running from a packaged jar (" + mainSource.getName() + ")");
		}
		return new HmrEnablement(true, "running from a build's classes (" + mainSource + ")");
	}

}
