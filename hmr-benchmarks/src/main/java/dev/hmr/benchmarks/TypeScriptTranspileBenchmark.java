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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.hmr.typescript.JsxOptions;
import dev.hmr.typescript.TypeScriptTranspiler;

/**
 * Time to compile a TypeScript or TSX module with {@link TypeScriptTranspiler} (swc4j),
 * on a generated set: small {@code .ts} utilities (about 1 KB: interfaces, an enum,
 * generics, {@code satisfies}, a hot block), small {@code .tsx} components (about 1 KB,
 * Preact's automatic runtime) and large {@code .ts} modules (about 25 KB). Prints, in
 * milliseconds:
 * <ul>
 * <li>the native library's load (the first use in this JVM);</li>
 * <li>cold: the first compile of each distinct file, in a fresh JVM right after the load
 * (median and p95 over the files of a kind);</li>
 * <li>warm: the same files compiled again and again, each time with a changed comment so
 * the transpiler's per-content cache misses (median and p95 of all compiles of a
 * kind);</li>
 * <li>cached: an unchanged file asked for again (a 304 revalidation's cost).</li>
 * </ul>
 * Run from the repository root, after building the class path (see README): <pre>
 * java -cp $CP dev.hmr.benchmarks.TypeScriptTranspileBenchmark [files per kind] [warm rounds]
 * </pre>
 */
public final class TypeScriptTranspileBenchmark {

	private TypeScriptTranspileBenchmark() {
	}

	public static void main(String[] args) {
		int files = (args.length > 0) ? Integer.parseInt(args[0]) : 50;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 40;
		TypeScriptTranspiler transpiler = new TypeScriptTranspiler(JsxOptions.defaults());
		long loadStart = System.nanoTime();
		transpiler.warmUp();
		long load = System.nanoTime() - loadStart;
		System.out.printf(Locale.ROOT, "swc4j native load + first compile: %.1f ms (load average %s)%n", load / 1e6,
				SaveToWireBenchmark.loadAverage());
		String[] kinds = { "small .ts", "small .tsx", "large .ts" };
		List<List<Long>> cold = new ArrayList<>();
		List<List<String>> sources = new ArrayList<>();
		for (int kind = 0; kind < kinds.length; kind++) {
			List<Long> times = new ArrayList<>();
			List<String> kindSources = new ArrayList<>();
			for (int i = 0; i < files; i++) {
				String source = source(kind, i);
				kindSources.add(source);
				long start = System.nanoTime();
				transpiler.transpile(source, url(kind, i), null);
				times.add(System.nanoTime() - start);
			}
			cold.add(times);
			sources.add(kindSources);
		}
		List<List<Long>> warm = new ArrayList<>();
		for (int kind = 0; kind < kinds.length; kind++) {
			warm.add(new ArrayList<>());
		}
		for (int round = 1; round <= rounds; round++) {
			for (int kind = 0; kind < kinds.length; kind++) {
				for (int i = 0; i < files; i++) {
					String source = sources.get(kind).get(i) + "// round " + round + "\n";
					long start = System.nanoTime();
					transpiler.transpile(source, url(kind, i), null);
					warm.get(kind).add(System.nanoTime() - start);
				}
			}
		}
		List<Long> cached = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < files; i++) {
				String source = sources.get(0).get(i) + "// round " + rounds + "\n";
				long start = System.nanoTime();
				transpiler.transpile(source, url(0, i), null);
				cached.add(System.nanoTime() - start);
			}
		}
		for (int kind = 0; kind < kinds.length; kind++) {
			System.out.printf(Locale.ROOT, "%-10s (%5d chars)  cold: %s   warm: %s%n", kinds[kind],
					sources.get(kind).get(0).length(), summary(cold.get(kind)), summary(warm.get(kind)));
		}
		System.out.printf(Locale.ROOT, "cached (unchanged small .ts): %s%n", summary(cached));
		System.out.printf(Locale.ROOT, "%d files per kind, %d warm rounds, %d compiles%n", files, rounds,
				transpiler.getTranspileCount());
	}

	private static String url(int kind, int i) {
		return "/bench/m" + i + ((kind == 1) ? ".tsx" : (kind == 2) ? "-large.ts" : ".ts");
	}

	private static String source(int kind, int i) {
		return switch (kind) {
			case 0 -> utility(i);
			case 1 -> component(i);
			default -> large(i);
		};
	}

	private static String utility(int i) {
		return """
				import type { Options } from './options';
				import { format } from './format.js';
				export interface Item%1$d { id: number; name: string; tags?: readonly string[] }
				export type Key%1$d = `item-${number}`;
				export enum Level%1$d { Low = 1, High = %1$d }
				export class Store%1$d<T extends Item%1$d> {
				  constructor(private readonly items: T[] = [], public limit: number = %1$d) {}
				  add(item: T): this { this.items.push(item); return this; }
				  find(id: number): T | undefined { return this.items.find((it) => it.id === id); }
				  get size(): number { return this.items.length; }
				}
				const defaults = { limit: %1$d, level: Level%1$d.Low } satisfies Partial<Options>;
				export function label%1$d(item: Item%1$d, key: Key%1$d): string {
				  return format(`${key}:${item.name}`, defaults as Options);
				}
				if (import.meta.hot) {
				  import.meta.hot.accept();
				  import.meta.hot.dispose((data: Record<string, unknown>) => { data.size = %1$d; });
				}
				""".formatted(i);
	}

	private static String component(int i) {
		return """
				import { useState, useEffect, useCallback } from 'preact/hooks';
				import type { ComponentChildren } from 'preact';
				interface Props { start?: number; label: string; children?: ComponentChildren }
				function useTicker(step: number): number {
				  const [tick, setTick] = useState<number>(0);
				  useEffect(() => { const t = setInterval(() => setTick((n) => n + step), 1000); return () => clearInterval(t); }, [step]);
				  return tick;
				}
				export function Counter%1$d({ start = %1$d, label, children }: Props) {
				  const [count, setCount] = useState(start);
				  const tick = useTicker(1);
				  const inc = useCallback(() => setCount((c) => c + 1), []);
				  return (
				    <>
				      <button class="counter" onClick={inc}>{label}: {count}</button>
				      <span title={`tick ${tick}`}>{children}</span>
				    </>
				  );
				}
				export const Badge%1$d = ({ label }: { label: string }) => <b class="badge">{label}</b>;
				"""
			.formatted(i);
	}

	private static String large(int i) {
		StringBuilder source = new StringBuilder(utility(i));
		for (int part = 0; source.length() < 25_000; part++) {
			source.append("""
					export interface Row%1$d_%2$d { id: number; value: string; children: Row%1$d_%2$d[] }
					export function walk%1$d_%2$d(row: Row%1$d_%2$d, visit: (r: Row%1$d_%2$d) => void): number {
					  visit(row);
					  let total: number = 1;
					  for (const child of row.children) { total += walk%1$d_%2$d(child, visit); }
					  return total as number;
					}
					export const table%1$d_%2$d: Record<string, number> = { a: %2$d, b: %1$d, c: %2$d * 2 };
					""".formatted(i, part));
		}
		return source.toString();
	}

	private static String summary(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return String.format(Locale.ROOT, "median %6.3f  p95 %6.3f ms", percentile(sorted, 50) / 1e6,
				percentile(sorted, 95) / 1e6);
	}

	private static long percentile(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

}
