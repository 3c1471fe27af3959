package dev.hmr.sample;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hmr.channel.ServerHotChannel;

/**
 * Sends a custom event to every browser on the HMR socket, which pages receive with
 * {@code import.meta.hot.on('sample:message', data => …)}.
 * <p>
 * The starter is an optional dependency, left out of the packaged jar, and HMR is off
 * there: hence the class condition, and the channel taken from a provider.
 */
@RestController
@ConditionalOnClass(name = "dev.hmr.channel.ServerHotChannel")
class BroadcastController {

	static final String EVENT = "sample:message";

	private final ObjectProvider<ServerHotChannel> channel;

	BroadcastController(ObjectProvider<ServerHotChannel> channel) {
		this.channel = channel;
	}

	@PostMapping("/api/broadcast")
	ResponseEntity<Map<String, Object>> broadcast(@RequestParam String message) {
		ServerHotChannel channel = this.channel.getIfAvailable();
		if (channel == null) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "HMR is not active"));
		}
		channel.send(EVENT, Map.of("message", message));
		return ResponseEntity.accepted().body(Map.of("event", EVENT, "browsers", channel.clients().size()));
	}

}
