package com.example.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.hmr.graph.ModuleNode;
import dev.hmr.plugin.HmrContext;
import dev.hmr.plugin.HmrPlugin;

/**
 * A plugin that counts its calls; the packaged app must never make any.
 */
@Component
@Order(1)
class CountingPlugin implements HmrPlugin {

	final AtomicInteger calls = new AtomicInteger();

	@Override
	public List<ModuleNode> handleHotUpdate(HmrContext context) {
		this.calls.incrementAndGet();
		return null;
	}

	@Override
	public String load(String id) {
		this.calls.incrementAndGet();
		return null;
	}

	@Override
	public String transform(String code, String id) {
		this.calls.incrementAndGet();
		return null;
	}

}
