package dev.hmr.graph;

/**
 * SCAFFOLD, replaced by the graph work: the module graph (Vite's ModuleGraph).
 */
public final class ModuleGraph {

}
