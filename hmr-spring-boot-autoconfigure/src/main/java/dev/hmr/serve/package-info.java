/**
 * Serving modules and pages from the source roots in development, confined to those roots.
 */
@NullMarked
package dev.hmr.serve;

import org.jspecify.annotations.NullMarked;
