package dev.hmr.graph;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The graph is plain Java: no Spring, servlet or Jackson, so it can be read, tested and
 * benchmarked on its own.
 */
class GraphArchitectureTests {

	@Test
	void graphDependsOnlyOnTheJdkAndJSpecify() {
		JavaClasses graph = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.hmr.graph");
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "dev.hmr.graph..")
			.check(graph);
	}

}
