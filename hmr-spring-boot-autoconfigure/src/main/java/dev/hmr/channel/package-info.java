/**
 * The hot channel: WebSocket sessions of browsers, broadcast and per-client sends, handshake checks and listeners of client messages.
 */
@NullMarked
package dev.hmr.channel;

import org.jspecify.annotations.NullMarked;
