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

import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import org.jspecify.annotations.Nullable;

/**
 * The servlet container's side of an HMR socket upgraded by
 * {@link ServletUpgradeStrategy}: the container makes it (hence public, with a public
 * constructor) once the handshake's {@code 101} is decided, and hands it the connection
 * once that response is written. Not for use by applications.
 *
 * @since 0.1.0
 */
public final class HotChannelUpgradeHandler implements HttpUpgradeHandler {

	private @Nullable UpgradedWebSocketSession session;

	/**
	 * Made by the servlet container, from {@code HttpServletRequest.upgrade}.
	 */
	public HotChannelUpgradeHandler() {
	}

	void setSession(UpgradedWebSocketSession session) {
		this.session = session;
	}

	@Override
	public void init(WebConnection connection) {
		UpgradedWebSocketSession session = this.session;
		if (session == null) {
			try {
				connection.close();
			}
			catch (Exception ex) {
				// nothing to tell: the connection was never a session's
			}
			return;
		}
		session.open(connection);
	}

	@Override
	public void destroy() {
		UpgradedWebSocketSession session = this.session;
		if (session != null) {
			session.connectionEnded();
		}
	}

}
