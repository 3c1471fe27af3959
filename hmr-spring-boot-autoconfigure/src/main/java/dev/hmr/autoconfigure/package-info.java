/**
 * Auto-configuration of hot module replacement, its hmr.* properties and the development-only condition.
 */
@NullMarked
package dev.hmr.autoconfigure;

import org.jspecify.annotations.NullMarked;
