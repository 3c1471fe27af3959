package dev.hmr.serve;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ByteArrayResource;

/**
 * A JavaScript module made from a served file: its filename ends in {@code .js} whatever
 * the file was ({@code .css}, {@code .svg}, a plugin's {@code .myext}), so that it is sent
 * as {@code text/javascript}, which browsers require of module scripts.
 */
final class ModuleResource extends ByteArrayResource {

	private final String filename;

	ModuleResource(String code, String originalFilename) {
		super(code.getBytes(StandardCharsets.UTF_8), "HMR module " + originalFilename);
		this.filename = originalFilename.endsWith(".js") ? originalFilename : originalFilename + ".js";
	}

	@Override
	public String getFilename() {
		return this.filename;
	}

}
