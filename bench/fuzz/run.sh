#!/usr/bin/env bash
# Parses and lints mutated runbooks (corpus + runbooks/ + a generated one, edited and amplified to megabytes):
# no exception but RunbookParseException, and none slower than 200 ms + 1 µs per byte of CPU.
# Usage: bench/fuzz/run.sh [DOCUMENTS=100000] [CPU_SECONDS=600] [SEED=random] [AMPLIFY_BYTES=4000000]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../test-classpath.sh"
java -Xmx1g -cp "$bench_cp" dev.runbookshell.bench.RunbookFuzzer "$@" | tee "$bench_out/fuzz.txt"
