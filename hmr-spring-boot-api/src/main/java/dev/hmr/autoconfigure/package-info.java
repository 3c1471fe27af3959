/**
 * The hmr.* properties, the development-only condition, and the auto-configuration that keeps the API inert while HMR is inactive.
 */
@NullMarked
package dev.hmr.autoconfigure;

import org.jspecify.annotations.NullMarked;
