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

package dev.hmr.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import dev.hmr.access.HmrAccessGuard;
import dev.hmr.channel.HmrSocketSettings;

/**
 * Logs once the application's web server is up: whether HMR is active, why, and the URL
 * browsers open; then which remote addresses it serves.
 */
final class HmrStartupLogger implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(HmrStartupLogger.class);

	private final HmrEnablement enablement;

	private final ObjectProvider<HmrSocketSettings> settings;

	private final ObjectProvider<HmrAccessGuard> guard;

	private final AtomicBoolean logged = new AtomicBoolean();

	/**
	 * Create a new logger.
	 * @param enablement the decision, taken while the context refreshes (on the thread
	 * whose stack the decision depends on)
	 * @param settings the socket's settings, present when HMR is active
	 * @param guard who may reach what HMR serves, present when HMR is active
	 */
	HmrStartupLogger(HmrEnablement enablement, ObjectProvider<HmrSocketSettings> settings,
			ObjectProvider<HmrAccessGuard> guard) {
		this.enablement = enablement;
		this.settings = settings;
		this.guard = guard;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null || !this.logged.compareAndSet(false, true)) {
			return;
		}
		HmrSocketSettings settings = this.settings.getIfAvailable();
		if (settings == null) {
			logger.info("HMR inactive, " + this.enablement.reason());
			return;
		}
		String reason = this.enablement.active() ? this.enablement.reason() : "configured explicitly";
		logger.info("HMR active, " + reason + "; browsers connect to "
				+ settings.socketUri(false, "localhost", event.getWebServer().getPort()));
		this.guard.ifAvailable((guard) -> logger.info(guard.describeRemoteAccess()));
	}

}
