#!/usr/bin/env bash
# Parses and lints mutated runbooks (corpus + runbooks/ + a generated one, edited and amplified to megabytes):
# no exception but RunbookParseException, and none slower than 200 ms + 1 µs per byte of CPU.
# Usage: bench/fuzz/run.sh [DOCUMENTS=100000] [CPU_SECONDS=600] [SEED=random] [AMPLIFY_BYTES=4000000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
cd "$root"
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
java -Xmx1g -cp "target/classes:target/test-classes:$(cat "$out/cp.txt")" dev.runbookshell.bench.RunbookFuzzer "$@" \
  | tee "$out/fuzz.txt"
