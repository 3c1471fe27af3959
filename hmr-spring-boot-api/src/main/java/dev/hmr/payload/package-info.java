/**
 * Vite's HMR payloads (server to browser) and client messages (browser to server), with their JSON exactly as Vite writes it.
 */
@NullMarked
package dev.hmr.payload;

import org.jspecify.annotations.NullMarked;
