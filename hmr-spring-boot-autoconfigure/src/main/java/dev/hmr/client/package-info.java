/**
 * The browser client module, served with its settings filled in.
 */
@NullMarked
package dev.hmr.client;

import org.jspecify.annotations.NullMarked;
