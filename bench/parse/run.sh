#!/usr/bin/env bash
# Times RunbookParser on a generated 10,000-block runbook (median of N after warm-up). Goal: <= 100 ms.
# Usage: bench/parse/run.sh [BLOCKS] [WARMUP] [ROUNDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../test-classpath.sh"
java -cp "$bench_cp" dev.runbookshell.bench.ParseBenchmark "$@" | tee "$bench_out/parse.txt"
