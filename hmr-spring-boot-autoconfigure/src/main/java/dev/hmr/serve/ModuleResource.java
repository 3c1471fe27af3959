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

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.DigestUtils;

/**
 * A JavaScript module made from a served file: its filename ends in {@code .js} whatever
 * the file was ({@code .css}, {@code .svg}, a plugin's {@code .myext}), so that it is
 * sent as {@code text/javascript}, which browsers require of module scripts; or a
 * rewritten {@link #stylesheet stylesheet}. Its ETag, a hash of its bytes, is computed
 * once: a cached module answers a revalidation without hashing again.
 */
final class ModuleResource extends ByteArrayResource {

	private final String filename;

	private final String etag;

	ModuleResource(String code, String originalFilename) {
		this(code, "HMR module " + originalFilename,
				originalFilename.endsWith(".js") ? originalFilename : originalFilename + ".js");
	}

	private ModuleResource(String content, String description, String filename) {
		super(content.getBytes(StandardCharsets.UTF_8), description);
		this.filename = filename;
		this.etag = "\"" + DigestUtils.md5DigestAsHex(getByteArray()) + "\"";
	}

	/**
	 * The strong ETag of the module: a hash of its bytes, quoted.
	 * @return the ETag value
	 */
	String getEtag() {
		return this.etag;
	}

	/**
	 * The type the resource handler sends it with.
	 * @return {@code text/css} for a stylesheet, else {@code text/javascript}
	 */
	String getContentType() {
		return this.filename.endsWith(".css") ? "text/css" : "text/javascript";
	}

	/**
	 * A stylesheet served as a stylesheet, its {@code @import}s rewritten: it keeps its
	 * filename, so it is sent as {@code text/css}.
	 * @param css the rewritten stylesheet
	 * @param filename the file's name
	 * @return the resource
	 */
	static ModuleResource stylesheet(String css, String filename) {
		return new ModuleResource(css, "HMR stylesheet " + filename, filename);
	}

	@Override
	public String getFilename() {
		return this.filename;
	}

}
