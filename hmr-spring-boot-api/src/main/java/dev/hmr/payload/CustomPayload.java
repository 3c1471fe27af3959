package dev.hmr.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@code {"type":"custom","event":…,"data":…}}: an application event, in either direction.
 *
 * @param event the event name
 * @param data any value Jackson can write as JSON, or absent
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "event", "data" })
public record CustomPayload(String event, @Nullable Object data) implements HotPayload {

	public CustomPayload {
		Assert.hasText(event, "'event' must not be empty");
	}

	@Override
	public Type type() {
		return Type.CUSTOM;
	}

}
