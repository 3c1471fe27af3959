/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.hmr;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Condition;
import org.springframework.util.Assert;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules a machine can check, over the API module and the runtime together.
 */
@AnalyzeClasses(packages = "dev.hmr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * What applications and plugins compile against: the types of hmr-spring-boot-api. A
	 * type added here is a promise; think twice.
	 */
	static final Set<String> API = Set.of("dev.hmr.autoconfigure.ConditionalOnHmrEnabled",
			"dev.hmr.autoconfigure.HmrInactiveAutoConfiguration", "dev.hmr.autoconfigure.HmrProperties",
			"dev.hmr.channel.HotChannel", "dev.hmr.channel.HotChannelClient", "dev.hmr.channel.HotChannelListener",
			"dev.hmr.channel.HotChannelSocket", "dev.hmr.channel.HotClientConnectedEvent",
			"dev.hmr.channel.HotClientDisconnectedEvent", "dev.hmr.channel.HotClientEvent",
			"dev.hmr.channel.HotClientMessageEvent", "dev.hmr.channel.InertServerHotChannel",
			"dev.hmr.channel.ServerHotChannel", "dev.hmr.graph.HmrClock", "dev.hmr.graph.HmrUpdateResult",
			"dev.hmr.graph.ModuleGraph", "dev.hmr.graph.ModuleNode", "dev.hmr.graph.ModuleType",
			"dev.hmr.graph.Propagation", "dev.hmr.graph.PropagationBoundary", "dev.hmr.graph.UpdatePropagation",
			"dev.hmr.payload.ConnectedPayload", "dev.hmr.payload.CustomPayload", "dev.hmr.payload.ErrorPayload",
			"dev.hmr.payload.FullReloadPayload", "dev.hmr.payload.HotError", "dev.hmr.payload.HotPayload",
			"dev.hmr.payload.HotPayloadCodec", "dev.hmr.payload.MalformedClientMessageException",
			"dev.hmr.payload.PingPayload", "dev.hmr.payload.PrunePayload", "dev.hmr.payload.Update",
			"dev.hmr.payload.UpdatePayload", "dev.hmr.plugin.HmrContext", "dev.hmr.plugin.HmrPlugin",
			"dev.hmr.plugin.HmrPluginException", "dev.hmr.plugin.HmrServer", "dev.hmr.plugin.ModuleIds",
			"dev.hmr.watch.FileChangeEvent", "dev.hmr.watch.FileChangeKind");

	/**
	 * Public in the runtime only because the auto-configuration (or the isolated watcher
	 * loader, or the benchmarks) constructs them from another package: internal, as their
	 * package-info says, with no compatibility promise.
	 */
	static final Set<String> INTERNAL_BUT_PUBLIC = Set.of("dev.hmr.access.AllowedHosts", "dev.hmr.access.DeniedFiles",
			"dev.hmr.actuate.HmrEndpoint", "dev.hmr.actuate.HmrMetrics",
			"dev.hmr.autoconfigure.HmrActuatorAutoConfiguration", "dev.hmr.autoconfigure.HmrMetricsAutoConfiguration",
			"dev.hmr.channel.HotChannelActivity", "dev.hmr.channel.HotChannelConnection",
			"dev.hmr.engine.UpdateHistory", "dev.hmr.access.HmrAccessGuard", "dev.hmr.access.LogSafe",
			"dev.hmr.access.RemoteAddresses", "dev.hmr.autoconfigure.HmrAutoConfiguration",
			"dev.hmr.autoconfigure.HmrStartupLogAutoConfiguration", "dev.hmr.channel.HmrSocketSettings",
			"dev.hmr.channel.HmrToken", "dev.hmr.channel.HotChannelHandshakeInterceptor",
			"dev.hmr.channel.HotChannelUpgradeHandler", "dev.hmr.channel.HotChannelWebSocketHandler",
			"dev.hmr.channel.InMemoryServerHotChannel", "dev.hmr.channel.WebSocketServerHotChannel",
			"dev.hmr.client.HmrClientRequestHandler", "dev.hmr.client.HmrClientScript",
			"dev.hmr.client.HmrClientSettings", "dev.hmr.engine.HmrEngine", "dev.hmr.engine.HmrWarmUp",
			"dev.hmr.engine.PageUpdates", "dev.hmr.typescript.JsxOptions", "dev.hmr.typescript.TypeScriptTranspiler",
			"dev.hmr.typescript.refresh.PreactRefreshRegistration", "dev.hmr.serve.CodeFrame",
			"dev.hmr.serve.HmrModuleTransformer", "dev.hmr.serve.HtmlClientInjectionFilter",
			"dev.hmr.serve.RenderedPages", "dev.hmr.serve.SourceResourceConfigurer", "dev.hmr.serve.WarmUpModules",
			"dev.hmr.serve.WebJarImportMap", "dev.hmr.transform.CssImport", "dev.hmr.transform.CssImportLexer",
			"dev.hmr.transform.CssModuleTransformer", "dev.hmr.transform.EsModuleLexer",
			"dev.hmr.transform.ExportSpecifier", "dev.hmr.transform.HtmlClientInjector",
			"dev.hmr.transform.ImportSpecifier", "dev.hmr.transform.JsModuleTransformer",
			"dev.hmr.transform.LexedModule", "dev.hmr.transform.ModuleUrls", "dev.hmr.transform.SourceSyntaxException",
			"dev.hmr.transform.SpecifierResolver", "dev.hmr.transform.TransformedModule", "dev.hmr.watch.Notification",
			"dev.hmr.watch.Notifiers", "dev.hmr.watch.SourceRoots", "dev.hmr.watch.SourceWatcher",
			"dev.hmr.watch.WatcherWarmUp", "dev.hmr.watch.nativeio.NativeNotifiers");

	@ArchTest
	static void publicTypesAreTheApiOrKnownInternals(JavaClasses classes) {
		Set<String> publicTypes = new TreeSet<>();
		for (JavaClass type : classes) {
			if (isPublicTopLevel(type)) {
				publicTypes.add(type.getName());
			}
		}
		Set<String> allowed = new TreeSet<>(API);
		allowed.addAll(INTERNAL_BUT_PUBLIC);
		assertThat(publicTypes).as("public types (add to API only by design, or make it package-private)")
			.isSubsetOf(allowed);
	}

	private static boolean isPublicTopLevel(JavaClass type) {
		return type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass()
				&& !type.getSimpleName().equals("package-info");
	}

	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.hmr.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule autoConfigurationsArePublicAndFinal = classes().that()
		.areAnnotatedWith(AutoConfiguration.class)
		.should()
		.bePublic()
		.andShould()
		.haveModifier(JavaModifier.FINAL);

	@ArchTest
	static final ArchRule autoConfigurationsHaveNoPublicMethodsOrFields = members().that()
		.areDeclaredInClassesThat(isOrIsNestedIn(AutoConfiguration.class))
		.and(isMethodOrField())
		.should()
		.notBePublic()
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule conditionsAreNotPublic = classes().that().implement(Condition.class).should().notBePublic();

	@ArchTest
	// the one-argument form is left out: javac emits it for method references
	static final ArchRule noRequireNonNull = noClasses().should()
		.callMethod(Objects.class, "requireNonNull", Object.class, String.class)
		.orShould()
		.callMethod(Objects.class, "requireNonNull", Object.class, Supplier.class)
		.because("Spring's Assert names the argument");

	@ArchTest
	static final ArchRule graphKnowsOnlyTheJdkAndJSpecify = classes().that()
		.resideInAPackage("dev.hmr.graph..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.jspecify..", "dev.hmr.graph..");

	@ArchTest
	static final ArchRule transformsKnowOnlyTheJdkJSpecifyAndSpringAssert = classes().that()
		.resideInAPackage("dev.hmr.transform..")
		.should()
		.onlyDependOnClassesThat(resideInAnyPackage("java..", "org.jspecify.annotations..", "dev.hmr.transform..")
			.or(belongToAnyOf(Assert.class)));

	@ArchTest
	static final ArchRule payloadKnowsNoWebOrServlet = noClasses().that()
		.resideInAPackage("dev.hmr.payload..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "org.springframework.boot..",
				"jakarta..", "dev.hmr.channel..");

	@ArchTest
	static final ArchRule featuresDoNotReachBackIntoTheWiring = noClasses().that()
		.resideInAnyPackage("dev.hmr.payload..", "dev.hmr.channel..", "dev.hmr.graph..", "dev.hmr.transform..",
				"dev.hmr.plugin..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.hmr.autoconfigure..")
		.allowEmptyShould(true);

	/** JNA and directory-watcher are loaded in a class loader of their own. */
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

	private static DescribedPredicate<JavaClass> isOrIsNestedIn(Class<?> annotation) {
		return DescribedPredicate.describe("are or are nested in @" + annotation.getSimpleName(),
				(type) -> type.isAnnotatedWith(annotation.getName()) || type.getEnclosingClass()
					.map((outer) -> outer.isAnnotatedWith(annotation.getName()))
					.orElse(false));
	}

	private static DescribedPredicate<JavaMember> isMethodOrField() {
		return DescribedPredicate.describe("are methods or fields",
				(member) -> member instanceof JavaMethod || member instanceof JavaField);
	}

}
