package dev.hmr.channel;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Sends a text message without blocking: the container writes what the socket takes at
 * once, on the calling thread, and the rest when the browser reads. One message at a
 * time: the next is sent once the completion of the previous has been called.
 */
@FunctionalInterface
interface AsyncTextSender {

	/**
	 * Send a text message.
	 * @param text the text
	 * @param completion called once with {@code null} when the message is written, or
	 * with the failure
	 */
	void sendText(String text, Consumer<@Nullable Throwable> completion);

}
