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

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * An application for integration tests: an app route, a user's own
 * {@code @EnableWebSocket} endpoint beside the HMR one, and a recorder of
 * {@link HotClientEvent}s.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ HotChannelTestApplication.AppController.class, HotChannelTestApplication.EventRecorder.class,
		HotChannelTestApplication.UserWebSocketConfiguration.class })
public class HotChannelTestApplication {

	@RestController
	static class AppController {

		@GetMapping("/app")
		String app() {
			return "app";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSocket
	static class UserWebSocketConfiguration implements WebSocketConfigurer {

		@Override
		public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
			registry.addHandler(new TextWebSocketHandler() {

				@Override
				protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
					session.sendMessage(new TextMessage("echo:" + message.getPayload()));
				}

			}, "/echo");
		}

	}

	/**
	 * Records the {@link HotClientEvent}s the application publishes.
	 */
	public static class EventRecorder {

		private final BlockingQueue<HotClientEvent> events = new LinkedBlockingQueue<>();

		@EventListener
		void record(HotClientEvent event) {
			this.events.add(event);
		}

		/**
		 * Take events until one of the type that matches, skipping the others.
		 * @param <E> the type
		 * @param type the type
		 * @param matching what it must match
		 * @param timeout how long to wait
		 * @return the event
		 */
		public <E extends HotClientEvent> E take(Class<E> type, Predicate<E> matching, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (true) {
					HotClientEvent event = this.events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
					if (event == null) {
						throw new AssertionError("No " + type.getSimpleName() + " within " + timeout);
					}
					if (type.isInstance(event) && matching.test(type.cast(event))) {
						return type.cast(event);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

	}

}
