package com.example.app;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hmr.channel.ServerHotChannel;

@RestController
class NotifyController {

	private final ServerHotChannel hot;

	NotifyController(ServerHotChannel hot) {
		this.hot = hot;
		// what browsers send with import.meta.hot.send('sample:hello', data)
		hot.on("sample:hello", (data, client) -> client.send("sample:reply", data));
	}

	@PostMapping("/api/broadcast")
	Map<String, Object> broadcast(@RequestParam String message) {
		this.hot.send("sample:message", Map.of("message", message)); // every browser (none in production)
		return Map.of("sent", message, "browsers", this.hot.clients().size());
	}

}
