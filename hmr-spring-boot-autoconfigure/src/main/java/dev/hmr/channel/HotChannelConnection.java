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
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A browser connected to a {@link WebSocketServerHotChannel}, as the Actuator endpoint
 * shows it.
 *
 * @param id the id of its socket
 * @param remoteAddress the address it connected from, if known
 * @param since when it connected
 * @param queuedBytes the bytes waiting to be written to it: queued payloads and the
 * socket's send buffer
 */
public record HotChannelConnection(String id, @Nullable InetSocketAddress remoteAddress, Instant since,
		long queuedBytes) {

}
