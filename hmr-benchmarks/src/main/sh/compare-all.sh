#!/usr/bin/env bash
# The side-by-side suite in one command (issue 15): installs Vite 8 and ws from npm outside the
# repository, builds the benchmark class path, then runs src/main/js/compare-all.mjs, which
# starts each server in its own process on the same generated fixtures and prints ratios.
# Loopback only, bounded in time (each wait ends within 10 to 60 s); not part of .ci/run.
# Run from anywhere: bash hmr-benchmarks/src/main/sh/compare-all.sh [--only save10,depth,fanout,memory] [--clients 1,500,2000] [--saves 30]
# then page-and-screen.mjs (page loads and save -> screen in Chromium; SKIP_PAGE=1 leaves it out) and
# tsx-save-to-screen.mjs (a Preact TSX edit in Chromium, ours against Vite + @preact/preset-vite).
# LAUNCH=boot-run starts our servers as `mvn spring-boot:run` and Gradle's bootRun start an application
# (their optimizedLaunch, on by default: -XX:TieredStopAtLevel=1); without it, as a plain `java` command does.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
VITE_DIR=${VITE_DIR:-/tmp/bench-vite}
if [ ! -d "$VITE_DIR/node_modules/vite" ] || [ ! -d "$VITE_DIR/node_modules/@preact/preset-vite" ] \
    || [ ! -d "$VITE_DIR/node_modules/playwright-core" ]; then
  npm install --silent --prefix "$VITE_DIR" vite@8 ws @preact/preset-vite@2 preact@10.28.0 playwright-core@1 >/dev/null
fi
if [ ! -f hmr-benchmarks/target/classpath.txt ] || [ -n "${REBUILD:-}" ]; then
  mvn -B -q -o -pl hmr-benchmarks -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >/dev/null
fi
export CP=hmr-benchmarks/target/classes:$(cat hmr-benchmarks/target/classpath.txt)
export NODE_PATH="$VITE_DIR/node_modules"
ulimit -n 65536 2>/dev/null || true
if [ "${LAUNCH:-}" = boot-run ]; then
  # every java process started from here on: only ours (Vite runs on Node)
  export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -XX:TieredStopAtLevel=1"
fi
timeout 1500 node hmr-benchmarks/src/main/js/compare-all.mjs "$@"
# page loads (first after start, reloads, 1,000 modules cold and revalidating) and save -> screen of a JS and
# a link-CSS edit, in Chromium (SKIP_PAGE=1: not; PAGE_ARGS, e.g. "--starts 5 --loads 5 --edits 20")
if [ -z "${SKIP_PAGE:-}" ]; then
  timeout 900 node hmr-benchmarks/src/main/js/page-and-screen.mjs ${PAGE_ARGS:-}
fi
# save -> screen of a Preact TSX component in Chromium, against Vite + @preact/preset-vite (SKIP_TSX=1: not)
if [ -z "${SKIP_TSX:-}" ]; then
  timeout 300 node hmr-benchmarks/src/main/js/tsx-save-to-screen.mjs "${TSX_EDITS:-20}"
fi
