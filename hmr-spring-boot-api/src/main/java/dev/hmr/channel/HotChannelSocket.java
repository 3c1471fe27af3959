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

package dev.hmr.channel;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What identifies a browser's connection: its id, where it came from and what the
 * handshake recorded.
 *
 * @param id the connection's id, unique within the process
 * @param remoteAddress the browser's address, if known
 * @param uri the URI of the upgrade request
 * @param attributes the handshake attributes (read only)
 * @since 0.1.0
 */
public record HotChannelSocket(String id, @Nullable InetSocketAddress remoteAddress, @Nullable URI uri,
		Map<String, Object> attributes) {

	public HotChannelSocket {
		attributes = Map.copyOf(attributes);
	}

}
