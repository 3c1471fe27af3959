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

package dev.hmr.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

import dev.hmr.channel.HotChannelClient;
import dev.hmr.channel.ServerHotChannel;
import dev.hmr.payload.CustomPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.serve.RenderedPages;

/**
 * Updates open server-rendered pages in place after an edit of a template or of a static
 * {@code .html} page, instead of reloading them. A browser whose client can morph a page
 * says so after connecting with {@value #MORPH_READY} and the id of its page (again after
 * every morph, as the new render has a new id); an edit then sends
 * {@value #TEMPLATE_UPDATE} only to those of these browsers whose page used the edited
 * file (or may have: see {@link RenderedPages#isAffected}). Browsers that never said so,
 * such as Vite's own client, keep getting the {@code full-reload} an edit always sent.
 *
 * @since 0.1.0
 */
public class PageUpdates {

	/** What a client that can morph its page sends, with {@code {page: id}}. */
	public static final String MORPH_READY = "hmr:morph-ready";

	/** What a client that can morph its page gets after an edit of a file it used. */
	public static final String TEMPLATE_UPDATE = "hmr:template-update";

	private static final Log logger = LogFactory.getLog(PageUpdates.class);

	private final ServerHotChannel channel;

	private final RenderedPages pages;

	/** Socket id to the page its client showed when it last said so (empty: none). */
	private final Map<String, String> morphingClients = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Create the updates and start listening to {@value #MORPH_READY} on the channel.
	 * @param channel the channel to the browsers
	 * @param pages the rendered pages
	 */
	public PageUpdates(ServerHotChannel channel, RenderedPages pages) {
		Assert.notNull(channel, "'channel' must not be null");
		Assert.notNull(pages, "'pages' must not be null");
		this.channel = channel;
		this.pages = pages;
		channel.on(MORPH_READY, this::onMorphReady);
		channel.on(ServerHotChannel.DISCONNECT, (data, client) -> this.morphingClients.remove(client.socket().id()));
	}

	/**
	 * The pages whose clients said they can morph them, as they last reported.
	 * @return the page ids of the connected clients that can morph their page
	 */
	public Set<String> openPages() {
		Set<String> open = new TreeSet<>(this.morphingClients.values());
		open.remove("");
		return open;
	}

	/**
	 * How many connected clients said they can morph their page.
	 * @return the number of clients
	 */
	public int morphingClientCount() {
		return this.morphingClients.size();
	}

	private void onMorphReady(@Nullable JsonNode data, HotChannelClient client) {
		String page = (data != null) ? data.path("page").stringValue(null) : null;
		if (page != null && !RenderedPages.isPageId(page)) {
			logger.warn("Ignored a page id that is not one from " + client.socket().id());
			page = null;
		}
		this.morphingClients.put(client.socket().id(), (page != null) ? page : "");
	}

	/**
	 * Send an edit of a page or template: {@value #TEMPLATE_UPDATE} to the clients that
	 * can morph a page that used it, {@code reload} to the others.
	 * @param reload what clients that cannot morph get
	 * @param file the edited file
	 * @return how many clients were sent a {@value #TEMPLATE_UPDATE}
	 */
	public int send(FullReloadPayload reload, Path file) {
		Assert.notNull(reload, "'reload' must not be null");
		Assert.notNull(file, "'file' must not be null");
		Collection<HotChannelClient> clients = this.channel.clients();
		List<HotChannelClient> others = new ArrayList<>();
		List<HotChannelClient> morphing = new ArrayList<>();
		for (HotChannelClient client : clients) {
			(this.morphingClients.containsKey(client.socket().id()) ? morphing : others).add(client);
		}
		if (morphing.isEmpty()) {
			// as before: with no tab open the channel keeps it for the next page
			this.channel.send(reload);
			return 0;
		}
		List<String> keys = new ArrayList<>();
		keys.add(RenderedPages.fileKey(file));
		String path = reload.path();
		if (path != null && !path.equals("*")) {
			keys.add(RenderedPages.urlKey(path));
		}
		long seq = this.sequence.incrementAndGet();
		CustomPayload update = new CustomPayload(TEMPLATE_UPDATE,
				Map.of("file", file.getFileName().toString(), "path", (path != null) ? path : "*", "seq", seq));
		int sent = 0;
		for (HotChannelClient client : morphing) {
			String page = this.morphingClients.get(client.socket().id());
			if (this.pages.isAffected((page == null || page.isEmpty()) ? null : page, keys)) {
				this.channel.send(client, update);
				sent++;
			}
		}
		for (HotChannelClient client : others) {
			this.channel.send(client, reload);
		}
		return sent;
	}

}
