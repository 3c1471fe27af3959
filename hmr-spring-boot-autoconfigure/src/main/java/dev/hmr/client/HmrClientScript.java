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

package dev.hmr.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.util.DigestUtils;

/**
 * The browser client, read once from the resources beside this class and filled in with
 * {@link HmrClientSettings}: the entry served at {@value #CLIENT_PATH} (Vite's
 * {@code /@vite/client}), and the runtime and overlay modules it imports relative to
 * itself. Settings are written as JSON literals, as Vite writes them.
 *
 * @since 0.1.0
 */
public final class HmrClientScript {

	/** URL of the entry, the one that pages load and modules import. */
	public static final String CLIENT_PATH = "/@vite/client";

	/** URL of the runtime behind {@code import.meta.hot}, imported by the entry. */
	public static final String RUNTIME_PATH = "/@vite/hmr.mjs";

	/** URL of the error overlay, imported by the entry. */
	public static final String OVERLAY_PATH = "/@vite/overlay.mjs";

	/**
	 * URL of the module that updates server-rendered pages in place, imported by the
	 * entry.
	 */
	public static final String MORPH_PATH = "/@vite/morph.mjs";

	/**
	 * URL of the Preact component refresh runtime, imported by the modules that
	 * {@code dev.hmr.typescript.refresh.PreactRefreshRegistration} registers.
	 */
	public static final String PREACT_REFRESH_PATH = "/@hmr/preact-refresh.mjs";

	/** Every URL the client is served at. */
	public static final List<String> PATHS = List.of(CLIENT_PATH, RUNTIME_PATH, OVERLAY_PATH, MORPH_PATH,
			PREACT_REFRESH_PATH);

	private static final Map<String, String> RESOURCES = Map.of(CLIENT_PATH, "client.mjs", RUNTIME_PATH, "hmr.mjs",
			OVERLAY_PATH, "overlay.mjs", MORPH_PATH, "morph.mjs", PREACT_REFRESH_PATH, "preact-refresh.mjs");

	private static final Pattern PLACEHOLDER = Pattern
		.compile("__(HMR_PROTOCOL|HMR_HOSTNAME|HMR_PORT|HMR_BASE|HMR_TIMEOUT|HMR_ENABLE_OVERLAY|WS_TOKEN|BASE)__");

	/** An entry's import of named bindings from a module beside it. */
	private static final Pattern SIBLING_IMPORT = Pattern
		.compile("^import \\{ ([\\w$]+(?:, [\\w$]+)*) \\} from '\\./([\\w-]+\\.mjs)'\\n", Pattern.MULTILINE);

	/** The {@code export} keyword of a declaration at the top of a module. */
	private static final Pattern EXPORT = Pattern.compile("^export (?=(?:async )?(?:function|class|const|let)\\b)",
			Pattern.MULTILINE);

	/** What a module written into the entry must not have left. */
	private static final Pattern LEFT_OVER = Pattern.compile("^\\s*(?:import|export)\\b(?!\\.|\\()", Pattern.MULTILINE);

	private final Map<String, Module> modules;

	/**
	 * Read the client and fill in the settings.
	 * @param settings the settings
	 * @throws IllegalStateException if a resource of the client is missing
	 */
	public HmrClientScript(HmrClientSettings settings) {
		Assert.notNull(settings, "'settings' must not be null");
		Map<String, String> values = values(settings);
		Map<String, String> sources = new LinkedHashMap<>();
		for (String path : PATHS) {
			sources.put(RESOURCES.get(path), fill(read(RESOURCES.get(path)), values));
		}
		Map<String, Module> modules = new LinkedHashMap<>();
		for (String path : PATHS) {
			String source = sources.get(RESOURCES.get(path));
			if (path.equals(CLIENT_PATH)) {
				source = inlineSiblings(source, sources);
			}
			modules.put(path, new Module(path, source, etag(source)));
		}
		this.modules = Map.copyOf(modules);
	}

	/**
	 * The module served at a path.
	 * @param path a path within the application, such as {@value #CLIENT_PATH}
	 * @return the module, or {@code null} if the client has none at that path
	 */
	public @Nullable Module module(String path) {
		Assert.notNull(path, "'path' must not be null");
		return this.modules.get(path);
	}

	private static Map<String, String> values(HmrClientSettings settings) {
		JsonMapper json = JsonMapper.shared();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("HMR_PROTOCOL", json.writeValueAsString(settings.protocol()));
		values.put("HMR_HOSTNAME", json.writeValueAsString(settings.host()));
		values.put("HMR_PORT", json.writeValueAsString(settings.port()));
		values.put("HMR_BASE", json.writeValueAsString(settings.socketPath()));
		values.put("HMR_TIMEOUT", json.writeValueAsString(settings.timeout().toMillis()));
		values.put("HMR_ENABLE_OVERLAY", json.writeValueAsString(settings.overlay()));
		values.put("WS_TOKEN", json.writeValueAsString(settings.token()));
		values.put("BASE", json.writeValueAsString(settings.base()));
		return values;
	}

	/**
	 * The entry with the modules it imports from beside it ({@code ./hmr.mjs},
	 * {@code ./overlay.mjs}, {@code ./morph.mjs}) written into it, each in a function of
	 * its own, so that their names do not meet: a page then asks for one module of the
	 * client, as for Vite's, not four, whose second round trip and three connections (of
	 * the browser's six per host) delayed the page's own second module. They are still
	 * served at their own paths.
	 */
	static String inlineSiblings(String entry, Map<String, String> sources) {
		Matcher matcher = SIBLING_IMPORT.matcher(entry);
		StringBuilder bundled = new StringBuilder(entry.length() * 4);
		while (matcher.find()) {
			String names = matcher.group(1);
			String file = matcher.group(2);
			String source = sources.get(file);
			Assert.state(source != null, () -> "The HMR client imports '" + file + "', which it does not have");
			String body = EXPORT.matcher(source).replaceAll("");
			Assert.state(!LEFT_OVER.matcher(body).find(),
					() -> "'" + file + "' of the HMR client has an import or export the entry cannot inline");
			String inlined = "const { " + names + " } = (() => {\n" + body + "\nreturn { " + names + " }\n})()\n";
			matcher.appendReplacement(bundled, Matcher.quoteReplacement(inlined));
		}
		matcher.appendTail(bundled);
		return bundled.toString();
	}

	// One pass, so a value that happens to contain a placeholder's name stays as it is.
	private static String fill(String source, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(source);
		StringBuilder filled = new StringBuilder(source.length());
		while (matcher.find()) {
			matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(matcher.group(1))));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	private static String read(String name) {
		try (InputStream in = HmrClientScript.class.getResourceAsStream(name)) {
			Assert.state(in != null, () -> "Resource '" + name + "' of the HMR client is missing beside "
					+ HmrClientScript.class.getName());
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read resource '" + name + "' of the HMR client", ex);
		}
	}

	private static String etag(String source) {
		return "\"" + DigestUtils.md5DigestAsHex(source.getBytes(StandardCharsets.UTF_8)) + "\"";
	}

	/**
	 * One module of the client, ready to serve.
	 *
	 * @param path the URL path it is served at
	 * @param source the JavaScript source with the settings filled in
	 * @param etag a strong entity tag of the source, quoted
	 */
	public record Module(String path, String source, String etag) {

	}

}
