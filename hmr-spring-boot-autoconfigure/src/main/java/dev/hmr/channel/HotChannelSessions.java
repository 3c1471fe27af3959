package dev.hmr.channel;

import java.io.IOException;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * What {@link HotChannelWebSocketHandler} hands the WebSocket sessions of browsers to.
 */
interface HotChannelSessions {

	void connected(WebSocketSession session) throws IOException;

	void received(WebSocketSession session, TextMessage message);

	void receivedBinary(WebSocketSession session);

	void disconnected(WebSocketSession session);

}
