package com.example.app;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hmr.autoconfigure.HmrProperties;
import dev.hmr.channel.ServerHotChannel;

/**
 * What the test asks the running app: its threads, the channel it was given, the
 * plugin's calls and the bound hmr.* properties.
 */
@RestController
class StatusController {

	private final ServerHotChannel hot;

	private final CountingPlugin plugin;

	private final HmrProperties properties;

	StatusController(ServerHotChannel hot, CountingPlugin plugin, HmrProperties properties) {
		this.hot = hot;
		this.plugin = plugin;
		this.properties = properties;
	}

	@GetMapping("/status")
	Map<String, Object> status() {
		return Map.of("threads", Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList(),
				"channel", this.hot.getClass().getName(), "pluginCalls", this.plugin.calls.get(), "hmrPath",
				this.properties.getPath());
	}

}
