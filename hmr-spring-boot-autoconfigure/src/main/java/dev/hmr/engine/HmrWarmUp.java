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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.NoOpLog;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

import dev.hmr.channel.InMemoryServerHotChannel;
import dev.hmr.graph.HmrClock;
import dev.hmr.graph.ModuleGraph;
import dev.hmr.graph.ModuleNode;
import dev.hmr.graph.ModuleType;
import dev.hmr.payload.HotPayload;
import dev.hmr.payload.HotPayloadCodec;
import dev.hmr.watch.FileChangeKind;
import dev.hmr.watch.WatcherWarmUp;

/**
 * Runs the code a save goes through, from the engine to the JSON of the payload, on a
 * scratch graph and an {@link InMemoryServerHotChannel}, then the watcher's part on a
 * scratch file ({@link WatcherWarmUp}), until the JIT has compiled it. A save is rare for
 * a JVM: without this, the first hundreds of saves run interpreted code and take about a
 * millisecond longer to reach the browser. Nothing is sent, nothing is logged, no plugin
 * is called and the application's graph is not touched.
 * <p>
 * A first page is asked for right after a start, and a save comes later: the thread first
 * runs what {@linkplain #setServingWarmUp serves} a page (on a machine of two cores, a
 * first page after a start took twice as long while the rounds ran beside it), then runs
 * the rounds only while no request has started for {@link #QUIET} (the time is
 * {@linkplain #setLastRequestStart given}), pausing when one does, for {@link #MAX_WAIT}
 * at most.
 *
 * @since 0.1.0
 */
public final class HmrWarmUp implements Runnable, SmartLifecycle {

	/**
	 * Default number of rounds: enough for the JIT's optimizing compiler, a fraction of a
	 * second of one core.
	 */
	public static final int DEFAULT_ROUNDS = 20_000;

	/**
	 * How long no request may have started before the rounds run.
	 */
	public static final Duration QUIET = Duration.ofMillis(300);

	/**
	 * How long the rounds wait for quiet moments in all, before they run regardless: long
	 * enough for the page loads that follow a start. A page of a thousand modules, loaded
	 * again and again, took 3 s a load on two cores; with 10 s the rounds ran in the
	 * middle of those loads, and the server used about 40 % more CPU for them.
	 */
	public static final Duration MAX_WAIT = Duration.ofSeconds(60);

	/** Rounds run between two looks at the requests. */
	private static final int ROUNDS_PER_LOOK = 250;

	private static final Log logger = LogFactory.getLog(HmrWarmUp.class);

	private static final Path ROOT = Path.of("/hmr-warm-up/static").toAbsolutePath();

	private final HotPayloadCodec codec;

	private final int rounds;

	private volatile @Nullable Thread thread;

	private @Nullable Runnable typeScriptWarmUp;

	private @Nullable Consumer<Runnable> servingWarmUp;

	private @Nullable LongSupplier lastRequestStart;

	/** How long the rounds have waited for quiet moments, in nanoseconds. */
	private long waited;

	/**
	 * Create a warm-up.
	 * @param codec the codec the application's channel writes payloads with
	 * @param rounds the number of rounds, each of four changes in the engine; the watcher
	 * goes through half as many saves, each of which reads a file
	 */
	public HmrWarmUp(HotPayloadCodec codec, int rounds) {
		Assert.notNull(codec, "'codec' must not be null");
		Assert.isTrue(rounds >= 0, "'rounds' must not be negative");
		this.codec = codec;
		this.rounds = rounds;
	}

	/**
	 * Also load the TypeScript compiler's native library, first, on the warm-up thread.
	 * @param typeScriptWarmUp what loads it (it decides whether there is TypeScript to
	 * compile), or {@code null}
	 */
	public void setTypeScriptWarmUp(@Nullable Runnable typeScriptWarmUp) {
		this.typeScriptWarmUp = typeScriptWarmUp;
	}

	/**
	 * Also run what serves a first page, first of all, on the warm-up thread.
	 * @param servingWarmUp what runs it, given what waits for a quiet moment (it may send
	 * requests, the longer part of it in such moments), or {@code null}
	 */
	public void setServingWarmUp(@Nullable Consumer<Runnable> servingWarmUp) {
		this.servingWarmUp = servingWarmUp;
	}

	/**
	 * Run the rounds only in quiet moments: while no request has started for
	 * {@link #QUIET}.
	 * @param lastRequestStart when a request last started ({@link System#nanoTime}), or
	 * {@code null} to run the rounds at once
	 */
	public void setLastRequestStart(@Nullable LongSupplier lastRequestStart) {
		this.lastRequestStart = lastRequestStart;
	}

	/**
	 * Start the warm-up on a daemon thread of the lowest priority, {@code hmr-warm-up}.
	 */
	@Override
	public void start() {
		if (this.thread != null) {
			return;
		}
		Thread warmUp = new Thread(this, "hmr-warm-up");
		warmUp.setDaemon(true);
		warmUp.setPriority(Thread.MIN_PRIORITY);
		this.thread = warmUp;
		warmUp.start();
	}

	/**
	 * Stop the warm-up if it still runs.
	 */
	@Override
	public void stop() {
		Thread warmUp = this.thread;
		if (warmUp != null) {
			warmUp.interrupt();
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		Thread warmUp = this.thread;
		return warmUp != null && warmUp.isAlive();
	}

	/**
	 * Run the warm-up on this thread.
	 */
	@Override
	public void run() {
		long start = System.nanoTime();
		this.waited = 0;
		Consumer<Runnable> serving = this.servingWarmUp;
		if (serving != null) {
			serving.accept(this::awaitQuiet);
		}
		Runnable typeScript = this.typeScriptWarmUp;
		if (typeScript != null) {
			typeScript.run();
		}
		// the engine's rounds look at the requests before their first round
		warmUpEngine();
		new WatcherWarmUp(this.rounds / 2, this::awaitQuiet).run();
		if (logger.isDebugEnabled()) {
			logger.debug("HMR warm-up: " + this.rounds + " rounds in "
					+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
		}
	}

	/**
	 * Wait until no request has started for {@link #QUIET}, unless the rounds have waited
	 * {@link #MAX_WAIT} already.
	 */
	private void awaitQuiet() {
		LongSupplier lastRequest = this.lastRequestStart;
		if (lastRequest == null) {
			return;
		}
		long quiet = QUIET.toNanos();
		while (this.waited < MAX_WAIT.toNanos() && !Thread.currentThread().isInterrupted()) {
			long now = System.nanoTime();
			long since = now - lastRequest.getAsLong();
			if (since >= quiet) {
				return;
			}
			long pause = Math.min(quiet - since, MAX_WAIT.toNanos() - this.waited);
			LockSupport.parkNanos(pause);
			this.waited += System.nanoTime() - now;
		}
	}

	private void warmUpEngine() {
		InMemoryServerHotChannel channel = new InMemoryServerHotChannel();
		try {
			ModuleGraph graph = new ModuleGraph();
			HmrEngine engine = new HmrEngine(graph, channel, new HmrClock(), List.of(), List.of(ROOT), new NoOpLog());
			Path main = ROOT.resolve("main.js");
			Path counter = ROOT.resolve("counter.js");
			Path dep = ROOT.resolve("dep.js");
			Path style = ROOT.resolve("style.css");
			Path page = ROOT.resolve("index.html");
			ModuleNode mainModule = graph.ensureModule("/main.js", main, ModuleType.JS);
			ModuleNode counterModule = graph.ensureModule("/counter.js", counter, ModuleType.JS);
			ModuleNode depModule = graph.ensureModule("/dep.js", dep, ModuleType.JS);
			ModuleNode styleModule = graph.ensureModule("/style.css", style, ModuleType.CSS);
			graph.updateModuleInfo(mainModule, Set.of(counterModule, depModule, styleModule), Set.of(depModule), null,
					false);
			graph.updateModuleInfo(counterModule, Set.of(), Set.of(), null, true);
			graph.updateModuleInfo(depModule, Set.of(), Set.of(), null, false);
			graph.updateModuleInfo(styleModule, Set.of(), Set.of(), null, true);
			for (int i = 0; i < this.rounds && !Thread.currentThread().isInterrupted(); i++) {
				if (i % ROUNDS_PER_LOOK == 0) {
					awaitQuiet();
				}
				// a self-accepting module, an accepted dep, CSS, and a page
				engine.handleFileChange(counter, ROOT, FileChangeKind.MODIFIED);
				engine.handleFileChange(dep, ROOT, FileChangeKind.MODIFIED);
				engine.handleFileChange(style, ROOT, FileChangeKind.MODIFIED);
				engine.handleFileChange(page, ROOT, FileChangeKind.MODIFIED);
				for (HotPayload payload : channel.takeSent()) {
					this.codec.write(payload);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.debug("The HMR warm-up failed; saves are only slower until the JIT catches up", ex);
		}
		finally {
			channel.close();
		}
	}

}
