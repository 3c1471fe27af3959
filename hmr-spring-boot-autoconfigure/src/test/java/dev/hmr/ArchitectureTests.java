package dev.hmr;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Condition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules of ARCHITECTURE.md that a machine can check.
 */
@AnalyzeClasses(packages = "dev.hmr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule graphKnowsNoFrameworks = noClasses().that()
		.resideInAPackage("dev.hmr.graph..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml..")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule payloadKnowsNoWebOrServlet = noClasses().that()
		.resideInAPackage("dev.hmr.payload..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "org.springframework.boot..",
				"jakarta..");

	@ArchTest
	static final ArchRule payloadAndChannelDoNotReachBackIntoTheWiring = noClasses().that()
		.resideInAnyPackage("dev.hmr.payload..", "dev.hmr.channel..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.hmr.autoconfigure..");

	@ArchTest
	static final ArchRule payloadDoesNotKnowTheChannel = noClasses().that()
		.resideInAPackage("dev.hmr.payload..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.hmr.channel..");

	@ArchTest
	static final ArchRule autoConfigurationsArePublicAndFinal = classes().that()
		.areAnnotatedWith(AutoConfiguration.class)
		.should()
		.bePublic()
		.andShould()
		.haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL);

	@ArchTest
	static final ArchRule conditionsAreNotPublic = classes().that()
		.implement(Condition.class)
		.should()
		.notBePublic();

}
