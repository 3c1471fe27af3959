/**
 * The hot channel's API: what the application sends to browsers and hears from them, and an inert channel for when HMR is inactive.
 */
@NullMarked
package dev.hmr.channel;

import org.jspecify.annotations.NullMarked;
