package dev.hmr.channel;

import org.springframework.context.annotation.Import;

/**
 * {@link HotChannelSendTimeLimitIntegrationTests} with payloads written on a sender thread through Spring's
 * session decorator, as on containers without asynchronous sends, rather than on the
 * sending thread.
 */
@Import(SenderThreadSends.class)
class SenderThreadHotChannelSendTimeLimitIntegrationTests extends HotChannelSendTimeLimitIntegrationTests {

}
