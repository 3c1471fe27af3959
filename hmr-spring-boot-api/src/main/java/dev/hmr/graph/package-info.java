/**
 * The module graph (Vite's ModuleGraph and ModuleNode) and the pure algorithms over it: update propagation, invalidation and prune.
 */
@NullMarked
package dev.hmr.graph;

import org.jspecify.annotations.NullMarked;
