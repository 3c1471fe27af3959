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

package dev.hmr.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.hmr.channel.InMemoryServerHotChannel;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.graph.ModuleNode;
import dev.hmr.graph.ModuleType;
import dev.hmr.payload.ErrorPayload;
import dev.hmr.payload.FullReloadPayload;
import dev.hmr.payload.HotError;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.Update;
import dev.hmr.payload.UpdatePayload;
import dev.hmr.plugin.HmrContext;
import dev.hmr.plugin.HmrPlugin;
import dev.hmr.plugin.HmrPluginException;
import dev.hmr.watch.FileChangeKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmrEngine}, on a real {@link ModuleGraph} and an
 * {@link InMemoryServerHotChannel}.
 */
class HmrEngineTests {

	private static final Path ROOT = Path.of("/project/static").toAbsolutePath();

	private final ModuleGraph graph = new ModuleGraph();

	private final InMemoryServerHotChannel channel = new InMemoryServerHotChannel();

	@Test
	void aChangeIsAJsUpdateOfTheNearestModuleThatAcceptsIt() {
		ModuleNode app = module("/app.js");
		ModuleNode mid = module("/mid.js");
		ModuleNode leaf = module("/leaf.js");
		this.graph.updateModuleInfo(app, Set.of(mid), Set.of(mid), null, false);
		this.graph.updateModuleInfo(mid, Set.of(leaf), Set.of(leaf), null, false);
		this.graph.updateModuleInfo(leaf, Set.of(), Set.of(), null, false);
		change(engine(), "leaf.js");
		assertThat(updates()).singleElement().satisfies((update) -> {
			assertThat(update.type()).isEqualTo(Update.Type.JS_UPDATE);
			assertThat(update.path()).isEqualTo("/mid.js");
			assertThat(update.acceptedPath()).isEqualTo("/leaf.js");
		});
	}

	@Test
	void aChangeThatNothingAcceptsReloadsThePage() {
		ModuleNode app = module("/app.js");
		ModuleNode leaf = module("/leaf.js");
		this.graph.updateModuleInfo(app, Set.of(leaf), Set.of(), null, false);
		this.graph.updateModuleInfo(leaf, Set.of(), Set.of(), null, false);
		change(engine(), "leaf.js");
		assertThat(this.channel.sent()).singleElement()
			.isInstanceOfSatisfying(FullReloadPayload.class, (reload) -> assertThat(reload.path()).isEqualTo("*"));
	}

	@Test
	void aPluginThatReturnsNoModulesStopsTheUpdate() {
		selfAccepting("/counter.js");
		List<String> later = new ArrayList<>();
		HmrPlugin handled = named("handled", (context) -> List.of());
		HmrPlugin next = named("next", (context) -> {
			later.add("called");
			return null;
		});
		change(engine(handled, next), "counter.js");
		assertThat(this.channel.sent()).isEmpty();
		assertThat(later).isEmpty();
	}

	@Test
	void aPluginThatReturnsSomeModulesNarrowsTheUpdateToThem() {
		ModuleNode counter = selfAccepting("/counter.js");
		selfAccepting("/counter.js?worker");
		HmrPlugin narrowing = named("narrowing", (context) -> {
			assertThat(context.getModules()).hasSize(2);
			return List.of(counter);
		});
		change(engine(narrowing), "counter.js");
		assertThat(updates()).extracting(Update::path).containsExactly("/counter.js");
	}

	@Test
	void withoutAPluginEveryModuleOfTheFileIsUpdated() {
		selfAccepting("/counter.js");
		selfAccepting("/counter.js?worker");
		change(engine(), "counter.js");
		assertThat(updates()).extracting(Update::path).containsExactlyInAnyOrder("/counter.js", "/counter.js?worker");
	}

	@Test
	void aPluginThatFailsBecomesAnErrorNamingThePlugin() {
		selfAccepting("/counter.js");
		HmrPlugin broken = named("broken", (context) -> {
			throw new IllegalStateException("boom");
		});
		change(engine(broken), "counter.js");
		assertThat(this.channel.sent()).singleElement().isInstanceOfSatisfying(ErrorPayload.class, (error) -> {
			assertThat(error.err().plugin()).isEqualTo("broken");
			assertThat(error.err().message()).isEqualTo("boom");
			assertThat(error.err().id()).isEqualTo(ROOT.resolve("counter.js").toString());
			assertThat(error.err().stack()).as("no Java stack for the overlay").isEmpty();
			assertThat(error.err().loc()).isNull();
		});
	}

	@Test
	void aPluginThatSaysWhereItFailedGivesTheLocationAndAFrameOfTheFile(@TempDir Path root) throws Exception {
		Path file = root.resolve("counter.js");
		Files.writeString(file, "export let count = 0;\nexport const label = 'a';\n");
		this.graph.updateModuleInfo(this.graph.ensureModule("/counter.js", file, ModuleType.JS), Set.of(), Set.of(),
				null, true);
		HmrPlugin broken = named("checker", (context) -> {
			throw new HmrPluginException("label must not be 'a'", 2, 22);
		});
		new HmrEngine(this.graph, this.channel, new HmrClock(), List.of(broken), List.of(root)).handleFileChange(file,
				root, FileChangeKind.MODIFIED);
		assertThat(this.channel.sent()).singleElement().isInstanceOfSatisfying(ErrorPayload.class, (error) -> {
			assertThat(error.err().plugin()).isEqualTo("checker");
			assertThat(error.err().stack()).isEmpty();
			assertThat(error.err().loc()).isEqualTo(new HotError.Location(file.toString(), 2, 22));
			assertThat(error.err().frame()).contains("2  |  export const label = 'a';").contains("^");
		});
	}

	@Test
	void aViteInvalidateFromABrowserUpdatesTheImportersOfTheModuleInstead() {
		ModuleNode app = module("/app.js");
		ModuleNode counter = selfAccepting("/counter.js");
		this.graph.updateModuleInfo(app, Set.of(counter), Set.of(), null, true);
		HmrEngine engine = engine();
		change(engine, "counter.js");
		assertThat(updates()).extracting(Update::path).containsExactly("/counter.js");
		this.channel.receive(this.channel.connect(), HmrEngine.VITE_INVALIDATE,
				JsonMapper.shared().readTree("{\"path\":\"/counter.js\"}"));
		assertThat(updates()).singleElement().satisfies((update) -> {
			assertThat(update.path()).isEqualTo("/app.js");
			assertThat(update.acceptedPath()).isEqualTo("/app.js");
			assertThat(update.firstInvalidatedBy()).isEqualTo("/counter.js");
		});
	}

	@Test
	void aJsUpdateNamesAtMost64ReImportedModulesTheNearestOnes() {
		// a self-accepting top, then a chain 70 deep whose bottom changes: all 70 are
		// invalidated, the 64 nearest the top are named
		ModuleNode top = module("/top.js");
		List<ModuleNode> chain = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			chain.add(module("/m" + i + ".js"));
		}
		this.graph.updateModuleInfo(top, Set.of(chain.get(0)), Set.of(), null, true);
		for (int i = 0; i < 69; i++) {
			this.graph.updateModuleInfo(chain.get(i), Set.of(chain.get(i + 1)), Set.of(), null, false);
		}
		this.graph.updateModuleInfo(chain.get(69), Set.of(), Set.of(), null, false);
		change(engine(), "m69.js");
		assertThat(updates()).singleElement().satisfies((update) -> {
			assertThat(update.path()).isEqualTo("/top.js");
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				expected.add("/m" + i + ".js?t=" + update.timestamp());
			}
			assertThat(update.invalidates()).containsExactlyElementsOf(expected);
		});
	}

	@Test
	void aSelfAcceptingModuleThatImportsNothingChangedNamesNothingToReImport() {
		ModuleNode counter = selfAccepting("/counter.js");
		ModuleNode util = module("/util.js");
		this.graph.updateModuleInfo(counter, Set.of(util), Set.of(), null, true);
		this.graph.updateModuleInfo(util, Set.of(), Set.of(), null, false);
		change(engine(), "counter.js");
		assertThat(updates()).singleElement().satisfies((update) -> assertThat(update.invalidates()).isNull());
	}

	private HmrEngine engine(HmrPlugin... plugins) {
		return new HmrEngine(this.graph, this.channel, new HmrClock(), List.of(plugins), List.of(ROOT));
	}

	private static void change(HmrEngine engine, String file) {
		engine.handleFileChange(ROOT.resolve(file), ROOT, FileChangeKind.MODIFIED);
	}

	private ModuleNode module(String url) {
		return this.graph.ensureModule(url, ROOT.resolve(fileName(url)), ModuleType.JS);
	}

	private ModuleNode selfAccepting(String url) {
		ModuleNode module = module(url);
		this.graph.updateModuleInfo(module, Set.of(), Set.of(), null, true);
		return module;
	}

	private static String fileName(String url) {
		int query = url.indexOf('?');
		return ((query != -1) ? url.substring(0, query) : url).substring(1);
	}

	/**
	 * The updates of the one payload sent since the last call.
	 */
	private List<Update> updates() {
		List<HotPayload> sent = this.channel.takeSent();
		assertThat(sent).singleElement().isInstanceOf(UpdatePayload.class);
		return ((UpdatePayload) sent.get(0)).updates();
	}

	private static HmrPlugin named(String name, HotUpdate hotUpdate) {
		return new HmrPlugin() {

			@Override
			public String getName() {
				return name;
			}

			@Override
			public List<ModuleNode> handleHotUpdate(HmrContext context) throws Exception {
				return hotUpdate.handle(context);
			}

		};
	}

	@FunctionalInterface
	private interface HotUpdate {

		List<ModuleNode> handle(HmrContext context) throws Exception;

	}

}
