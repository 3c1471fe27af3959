/**
 * The extension point: HmrPlugin beans and the HmrContext they receive (Vite's handleHotUpdate, load and transform hooks).
 */
@NullMarked
package dev.hmr.plugin;

import org.jspecify.annotations.NullMarked;
