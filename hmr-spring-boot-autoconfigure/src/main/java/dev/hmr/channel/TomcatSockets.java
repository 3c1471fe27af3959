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

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import jakarta.servlet.ServletOutputStream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Hangs up an upgraded Tomcat connection from any thread.
 * <p>
 * Tomcat's {@code WebConnection.close()} closes the upgraded streams but leaves the
 * socket open until the container next runs the connection, which it does when the
 * browser sends something or can take more: a browser that stopped reading does neither,
 * so its socket, and what waits to be written to it, would stay. Tomcat's own WebSocket
 * implementation closes the connection's socket wrapper instead, from whatever thread
 * closes the session; this does the same, reaching the wrapper through the upgraded
 * output stream (reflectively: Tomcat offers no public way to it). Should that fail with
 * another Tomcat, the socket is closed by the container's next look at it, as before.
 */
final class TomcatSockets {

	private static final Log logger = LogFactory.getLog(TomcatSockets.class);

	private static final String OUTPUT_STREAM = "org.apache.coyote.http11.upgrade.UpgradeServletOutputStream";

	private static volatile @Nullable Accessor accessor;

	private static volatile boolean unavailable;

	private TomcatSockets() {
	}

	/**
	 * Close the socket under an upgraded connection's output stream, if it is Tomcat's.
	 * @param output the upgraded connection's output stream
	 */
	static void close(ServletOutputStream output) {
		if (unavailable || !OUTPUT_STREAM.equals(output.getClass().getName())) {
			return;
		}
		try {
			Accessor found = accessor;
			if (found == null) {
				found = Accessor.of(output.getClass());
				accessor = found;
			}
			found.close(output);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			unavailable = true;
			logger.debug("Unable to reach the socket of an upgraded Tomcat connection; "
					+ "sockets of HMR browsers are closed by Tomcat's next look at them", ex);
		}
	}

	private record Accessor(Field socketWrapper, Method close) {

		static Accessor of(Class<?> outputStreamType) throws ReflectiveOperationException {
			Field field = outputStreamType.getDeclaredField("socketWrapper");
			field.setAccessible(true);
			Method close = field.getType().getMethod("close");
			return new Accessor(field, close);
		}

		void close(ServletOutputStream output) throws ReflectiveOperationException {
			Object wrapper = this.socketWrapper.get(output);
			if (wrapper != null) {
				this.close.invoke(wrapper);
			}
		}

	}

}
