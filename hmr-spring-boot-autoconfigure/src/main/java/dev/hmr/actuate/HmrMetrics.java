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

package dev.hmr.actuate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

import dev.hmr.channel.HotChannelActivity;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.channel.WebSocketServerHotChannel;
import dev.hmr.engine.UpdateHistory;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.payload.HotPayload;

/**
 * The {@code hmr.*} meters: browsers connected, payloads sent by type, the time from a
 * save to its send, browsers cut off for being slow, and modules in the graph. Counts are
 * read from the channel when a registry asks; the timer is fed by the update history. No
 * base units on the counts, so that Prometheus names them {@code hmr_clients},
 * {@code hmr_payloads_sent_total} and so on rather than repeating the noun.
 */
public final class HmrMetrics implements MeterBinder {

	/** Browsers connected to the HMR socket (gauge). */
	public static final String CLIENTS = "hmr.clients";

	/**
	 * Payloads handed to browsers' sockets, one per browser, tagged by type (counter).
	 */
	public static final String PAYLOADS_SENT = "hmr.payloads.sent";

	/** Time from a save to its payload's send, tagged by payload type (timer). */
	public static final String UPDATE_LATENCY = "hmr.update.latency";

	/** Browsers disconnected for not keeping up with what was sent to them (counter). */
	public static final String CLIENTS_DROPPED = "hmr.clients.dropped";

	/** Modules in the module graph (gauge). */
	public static final String GRAPH_MODULES = "hmr.graph.modules";

	private final ServerHotChannel channel;

	private final ModuleGraph graph;

	private final UpdateHistory history;

	/**
	 * Create the meters' binder.
	 * @param channel the channel to the browsers; only the starter's own WebSocket
	 * channel counts payloads and dropped browsers
	 * @param graph the module graph
	 * @param history the update history, which feeds the timer
	 */
	public HmrMetrics(ServerHotChannel channel, ModuleGraph graph, UpdateHistory history) {
		Assert.notNull(channel, "'channel' must not be null");
		Assert.notNull(graph, "'graph' must not be null");
		Assert.notNull(history, "'history' must not be null");
		this.channel = channel;
		this.graph = graph;
		this.history = history;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(CLIENTS, this.channel, (channel) -> channel.clients().size())
			.description("Browsers connected to the HMR socket")
			.register(registry);
		Gauge.builder(GRAPH_MODULES, this.graph, ModuleGraph::size)
			.description("Modules in the HMR module graph")
			.register(registry);
		if (this.channel instanceof WebSocketServerHotChannel webSocketChannel) {
			HotChannelActivity activity = webSocketChannel.activity();
			for (HotPayload.Type type : HotPayload.Type.values()) {
				FunctionCounter.builder(PAYLOADS_SENT, activity, (counts) -> counts.sent(type))
					.description("HMR payloads handed to browsers' sockets, one per browser")
					.tag("type", type.value())
					.register(registry);
			}
			FunctionCounter.builder(CLIENTS_DROPPED, activity, HotChannelActivity::slowClientsCutOff)
				.description("Browsers disconnected for not keeping up with the HMR payloads sent to them")
				.register(registry);
		}
		this.history.addListener((update) -> Timer.builder(UPDATE_LATENCY)
			.description("Time from a save, as the watcher saw it finish, to the send of its HMR payload")
			.tag("type", update.type())
			.register(registry)
			.record(update.latency()));
	}

}
