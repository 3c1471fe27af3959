/**
 * Turning a file change or a vite:invalidate message into payloads: plugins, then propagation, then one send.
 */
@NullMarked
package dev.hmr.engine;

import org.jspecify.annotations.NullMarked;
