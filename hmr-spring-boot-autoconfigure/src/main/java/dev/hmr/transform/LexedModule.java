package dev.hmr.transform;

import java.util.List;

/**
 * What {@link EsModuleLexer} found in a module, in source order.
 *
 * @param imports the imports, dynamic imports and {@code import.meta} occurrences
 * @param exports the exported names
 * @since 0.1.0
 */
public record LexedModule(List<ImportSpecifier> imports, List<ExportSpecifier> exports) {

	public LexedModule {
		imports = List.copyOf(imports);
		exports = List.copyOf(exports);
	}

}
