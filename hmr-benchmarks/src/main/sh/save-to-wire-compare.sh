#!/usr/bin/env bash
# Save -> wire with one Node client for both servers: our app (SaveToWireBenchmark serve), then Vite.
# Needs the class path built (see hmr-benchmarks/README.md) and: npm install --prefix /tmp/bench-vite vite@8 ws
# Run from the repository root: bash hmr-benchmarks/src/main/sh/save-to-wire-compare.sh
set -euo pipefail
cd "$(dirname "$0")/../../../.."
CP=hmr-benchmarks/target/classes:$(cat hmr-benchmarks/target/classpath.txt)
log=$(mktemp)
# stdin kept open for 90 s: the server stops when it ends
(sleep 90 | java -cp "$CP" dev.hmr.benchmarks.SaveToWireBenchmark serve > "$log" 2>&1 &)
for _ in $(seq 1 60); do grep -q NODE_PATH "$log" && break; sleep 1; done
sleep 3 # the start-up warm-up ends, as it would before a developer's first save
echo "== hmr-spring-boot"
eval "$(grep NODE_PATH "$log")"
pkill -f "SaveToWireBenchmark serve" || true
echo "== vite"
NODE_PATH=/tmp/bench-vite/node_modules node hmr-benchmarks/src/main/js/save-to-wire.mjs vite
rm -f "$log"
