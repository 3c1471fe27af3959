package dev.hmr.channel;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link HotChannelHandshakeIntegrationTests} with the application under a servlet
 * context path: the socket is at {@code /app/@hmr} and its checks hold there.
 */
@SpringBootTest(classes = HotChannelTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.allowed-hosts=.example.test", "server.servlet.context-path=/app" })
class HotChannelHandshakeUnderContextPathIntegrationTests extends HotChannelHandshakeIntegrationTests {

}
