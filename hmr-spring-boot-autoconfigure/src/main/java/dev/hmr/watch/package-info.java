/**
 * Watching the source roots for changes and publishing them as FileChangeEvent application events.
 */
@NullMarked
package dev.hmr.watch;

import org.jspecify.annotations.NullMarked;
