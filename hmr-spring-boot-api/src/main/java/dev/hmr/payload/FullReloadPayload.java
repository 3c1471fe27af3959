package dev.hmr.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * {@code {"type":"full-reload"}}: reload the page, or only pages showing {@code path}
 * when it is an HTML page path.
 *
 * @param path a page path such as {@code /about.html}, {@code *} for every page, or
 * absent
 * @param triggeredBy the absolute path of the file whose change caused it, or absent
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "triggeredBy", "path" })
public record FullReloadPayload(@Nullable String path, @Nullable String triggeredBy) implements HotPayload {

	/**
	 * Reload the pages that show the given page path.
	 * @param path the page path, such as {@code /index.html}
	 * @return the payload
	 */
	public static FullReloadPayload page(String path) {
		return new FullReloadPayload(path, null);
	}

	@Override
	public Type type() {
		return Type.FULL_RELOAD;
	}

}
