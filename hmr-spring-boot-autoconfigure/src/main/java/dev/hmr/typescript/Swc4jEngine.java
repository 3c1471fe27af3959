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

package dev.hmr.typescript;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.enums.Swc4jSourceMapOption;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jJsxRuntimeOption;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;

/**
 * The one class that calls swc4j: creating it loads SWC's native library (copied to the
 * temporary folder by swc4j, about 0.3 s once per JVM); it is loaded only when a module
 * needs it, so an application without TypeScript never pays for it.
 */
final class Swc4jEngine {

	/**
	 * {@code "<message> at <specifier>:<line>:<column>"}, then a blank line and a frame.
	 */
	private static final Pattern LOCATED = Pattern.compile("(?s)(.*?) at (\\S+):(\\d+):(\\d+)(?:\\R.*)?");

	private final Swc4j swc4j;

	Swc4jEngine() {
		this.swc4j = new Swc4j();
	}

	/**
	 * The version of swc4j.
	 * @return the version
	 */
	String version() {
		return this.swc4j.getVersion();
	}

	/**
	 * Compile a module to JavaScript with an inline source map.
	 * @param source the source
	 * @param specifier the module's URL, named in the source map and in JSX's dev
	 * locations
	 * @param kind what the source is
	 * @param jsx how JSX is compiled
	 * @return the JavaScript
	 * @throws TranspileException if the source does not parse
	 */
	String transpile(String source, URL specifier, SourceKind kind, JsxOptions jsx) {
		Swc4jTranspileOptions options = new Swc4jTranspileOptions().setSpecifier(specifier)
			.setMediaType(mediaType(kind))
			.setParseMode(Swc4jParseMode.Module)
			.setSourceMap(Swc4jSourceMapOption.Inline)
			.setInlineSources(true)
			.setKeepComments(true);
		if (kind.isJsx()) {
			options.setJsx(jsx.automatic() ? Swc4jJsxRuntimeOption.Automatic(true, jsx.importSource())
					: Swc4jJsxRuntimeOption.Classic(jsx.factory(), jsx.fragment()));
		}
		try {
			return this.swc4j.transpile(source, options).getCode();
		}
		catch (Swc4jCoreException ex) {
			throw located(ex);
		}
	}

	private static TranspileException located(Swc4jCoreException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "Transpile failed";
		Matcher matcher = LOCATED.matcher(message);
		if (matcher.matches()) {
			return new TranspileException(matcher.group(1).trim(), Integer.parseInt(matcher.group(3)),
					Integer.parseInt(matcher.group(4)), ex);
		}
		return new TranspileException(message.trim(), 0, 0, ex);
	}

	private static Swc4jMediaType mediaType(SourceKind kind) {
		return switch (kind) {
			case TS -> Swc4jMediaType.TypeScript;
			case MTS -> Swc4jMediaType.Mts;
			case TSX -> Swc4jMediaType.Tsx;
			case JSX -> Swc4jMediaType.Jsx;
		};
	}

}
