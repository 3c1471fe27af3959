package dev.hmr.graph;

/**
 * SCAFFOLD, replaced by the graph work: one module the browser loaded (Vite's ModuleNode).
 */
public final class ModuleNode {

	private final String url;

	ModuleNode(String url) {
		this.url = url;
	}

	public String getUrl() {
		return this.url;
	}

}
