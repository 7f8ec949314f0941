#!/usr/bin/env bash
# Times RunbookParser on a generated 10,000-block runbook (median of N after warm-up). Goal: <= 100 ms.
# Usage: bench/parse/run.sh [BLOCKS] [WARMUP] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
cd "$root"
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$out/cp.txt")" dev.runbookshell.bench.ParseBenchmark "$@" \
  | tee "$out/parse.txt"
