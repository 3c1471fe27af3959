package dev.hmr.sample;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hmr.channel.HotClientMessageEvent;
import dev.hmr.channel.ServerHotChannel;

/**
 * Listens to what browsers send: {@code sample:hello} (from
 * {@code import.meta.hot.send('sample:hello', {name})}) is answered to that browser only,
 * and every custom message is logged as it is published as an application event.
 */
@Component
class BrowserMessages {

	static final String HELLO = "sample:hello";

	static final String REPLY = "sample:reply";

	private static final Log logger = LogFactory.getLog(BrowserMessages.class);

	BrowserMessages(ServerHotChannel channel) {
		channel.on(HELLO, (data, client) -> {
			String name = (data != null && data.has("name")) ? data.get("name").asString() : "stranger";
			client.send(REPLY, Map.of("greeting", "Hello, " + name + "!"));
		});
	}

	@EventListener
	void log(HotClientMessageEvent event) {
		logger.info("Browser " + event.getClient().socket().id() + " sent '" + event.getEvent() + "': "
				+ event.getData());
	}

}
