package dev.hmr.transform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.util.Assert;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The transforms are pure text functions: they may use the JDK, JSpecify and Spring's
 * {@code Assert}, nothing of servlet, MVC, Jackson or the module graph.
 */
class TransformDependenciesTests {

	@Test
	void transformsDependOnlyOnTheJdkJSpecifyAndSpringAssert() {
		JavaClasses transform = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.hmr.transform");
		classes().should()
			.onlyDependOnClassesThat(resideInAnyPackage("java..", "org.jspecify.annotations..", "dev.hmr.transform..")
				.or(belongToAnyOf(Assert.class)))
			.check(transform);
	}

}
