package dev.hmr.watch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * JNA and directory-watcher are touched only by {@code dev.hmr.watch.nativeio}, which
 * the watcher loads in its own class loader: nothing else may name their types, nor the
 * types of that package, or they would need to be on the application's class path.
 */
@AnalyzeClasses(packages = "dev.hmr", importOptions = ImportOption.DoNotIncludeTests.class)
class WatchIsolationTests {

	@ArchTest
	static final ArchRule onlyTheIsolatedPackageUsesJnaOrDirectoryWatcher = noClasses().that()
		.resideOutsideOfPackage("dev.hmr.watch.nativeio..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.sun.jna..", "io.methvin..");

	@ArchTest
	static final ArchRule theIsolatedPackageIsReachedByReflectionOnly = noClasses().that()
		.resideOutsideOfPackage("dev.hmr.watch.nativeio..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.hmr.watch.nativeio..");

}
