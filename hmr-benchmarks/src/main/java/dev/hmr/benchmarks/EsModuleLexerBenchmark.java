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

package dev.hmr.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.hmr.transform.EsModuleLexer;
import dev.hmr.transform.JsModuleTransformer;
import dev.hmr.transform.SourceSyntaxException;
import dev.hmr.transform.SpecifierResolver;

/**
 * Lexing and transforming real ES modules: the npm corpus that
 * {@code EsModuleLexerDifferentialTests} installs into
 * {@code hmr-spring-boot-autoconfigure/target/lexer-corpus} (or the folder named by
 * {@code -Dhmr.lexer.corpus=…}, passed to the fork with {@code -jvmArgsAppend}). The
 * {@code megabytes} secondary result is the throughput in MB (10^6 bytes of UTF-8 source)
 * per second.
 * <p>
 * Run from the repository root, after the differential test has installed the corpus:
 * <pre>
 * mvn -B -o -q -pl hmr-benchmarks -am package -DskipTests \
 *     dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp hmr-benchmarks/target/classes:$(cat hmr-benchmarks/target/classpath.txt) \
 *     org.openjdk.jmh.Main EsModuleLexerBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EsModuleLexerBenchmark {

	private static final List<String> PACKAGES = List.of("es-module-lexer", "preact", "lit", "lit-html", "lit-element",
			"@lit/reactive-element", "lodash-es", "vue", "@vue");

	private final JsModuleTransformer transformer = new JsModuleTransformer();

	private List<String> sources = List.of();

	private double megabytes;

	@Setup
	public void loadCorpus() {
		Path modules = corpus().resolve("node_modules");
		List<String> loaded = new ArrayList<>();
		long bytes = 0;
		for (String name : PACKAGES) {
			try (Stream<Path> files = Files.walk(modules.resolve(name))) {
				for (Path file : files.filter(EsModuleLexerBenchmark::isScript).sorted().toList()) {
					String source = Files.readString(file, StandardCharsets.UTF_8);
					if (lexes(source)) {
						loaded.add(source);
						bytes += source.getBytes(StandardCharsets.UTF_8).length;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		this.sources = loaded;
		this.megabytes = bytes / 1e6;
		System.out.printf("%nCorpus: %d files, %.2f MB%n", loaded.size(), this.megabytes);
	}

	@Benchmark
	public void lex(Throughput throughput, Blackhole blackhole) {
		for (String source : this.sources) {
			blackhole.consume(EsModuleLexer.parse(source));
		}
		throughput.megabytes += this.megabytes;
	}

	@Benchmark
	public void transform(Throughput throughput, Blackhole blackhole) {
		for (String source : this.sources) {
			blackhole.consume(this.transformer.transform(source, "/js/module.js", SpecifierResolver.relative(),
					(url) -> 1700000000000L));
		}
		throughput.megabytes += this.megabytes;
	}

	private static Path corpus() {
		String configured = System.getProperty("hmr.lexer.corpus");
		if (configured != null) {
			return Paths.get(configured);
		}
		for (String candidate : List.of("hmr-spring-boot-autoconfigure/target/lexer-corpus",
				"../hmr-spring-boot-autoconfigure/target/lexer-corpus")) {
			if (Files.isDirectory(Paths.get(candidate, "node_modules"))) {
				return Paths.get(candidate);
			}
		}
		throw new IllegalStateException("No lexer corpus: run EsModuleLexerDifferentialTests first, or pass "
				+ "-jvmArgsAppend -Dhmr.lexer.corpus=<folder holding node_modules>");
	}

	private static boolean isScript(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".js") || name.endsWith(".mjs"));
	}

	private static boolean lexes(String source) {
		try {
			EsModuleLexer.parse(source);
			return true;
		}
		catch (SourceSyntaxException ex) {
			return false;
		}
	}

	/**
	 * Megabytes of source processed, reported per second.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.OPERATIONS)
	public static class Throughput {

		public double megabytes;

		@Setup(Level.Iteration)
		public void reset() {
			this.megabytes = 0;
		}

	}

}
