/**
 * The file change events the source watcher publishes.
 */
@NullMarked
package dev.hmr.watch;

import org.jspecify.annotations.NullMarked;
