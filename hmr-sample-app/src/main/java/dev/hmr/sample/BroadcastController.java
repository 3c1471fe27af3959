package dev.hmr.sample;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hmr.channel.ServerHotChannel;

/**
 * Sends a custom event to every browser on the HMR socket, which pages receive with
 * {@code import.meta.hot.on('sample:message', data => …)}.
 * <p>
 * In the packaged jar, where HMR is off, the channel is the API's inert one: the
 * broadcast reaches no browser.
 */
@RestController
class BroadcastController {

	static final String EVENT = "sample:message";

	private final ServerHotChannel channel;

	BroadcastController(ServerHotChannel channel) {
		this.channel = channel;
	}

	@PostMapping("/api/broadcast")
	ResponseEntity<Map<String, Object>> broadcast(@RequestParam String message) {
		this.channel.send(EVENT, Map.of("message", message));
		return ResponseEntity.accepted().body(Map.of("event", EVENT, "browsers", this.channel.clients().size()));
	}

}
