/**
 * The calls to the operating system through JNA and directory-watcher, loaded by a class
 * loader of the watcher's own so that neither reaches the application's class path.
 */
@NullMarked
package dev.hmr.watch.nativeio;

import org.jspecify.annotations.NullMarked;
