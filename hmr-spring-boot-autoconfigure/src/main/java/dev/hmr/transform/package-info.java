/**
 * Lexing ES module imports and hot.accept calls, and rewriting served JavaScript, CSS and HTML for HMR.
 */
@NullMarked
package dev.hmr.transform;

import org.jspecify.annotations.NullMarked;
