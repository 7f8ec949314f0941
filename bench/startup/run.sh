#!/usr/bin/env bash
# Cold start of one-shot commands through the launcher: `./runbook --version` and `./runbook list FILE`.
# Goal: <= 1.0 s each on a 2-core machine. Uses hyperfine when installed (apt-get install hyperfine), else a loop.
# Usage: bench/startup/run.sh [RUNS]    (JAVA_HOME picks the JDK; RUNBOOK_NO_CDS=1 measures the plain jar)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-10}"
file="runbooks/demo.md"
[[ -f "$file" ]] || { echo "missing $file" >&2; exit 2; }
./runbook --version >/dev/null   # builds the jar and trains the archive once, outside the measurement
echo "java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" -N --export-markdown /dev/stdout \
    "./runbook --version" "./runbook list $file --json" "./runbook lint $file"
else
  for cmd in "--version" "list $file --json" "lint $file"; do
    best=999; total=0
    for _ in $(seq "$runs"); do
      s=$(date +%s%N); ./runbook $cmd >/dev/null || true; e=$(date +%s%N)
      ms=$(( (e - s) / 1000000 )); total=$((total + ms)); (( ms < best )) && best=$ms
    done
    echo "./runbook $cmd: mean $((total / runs)) ms, best $best ms over $runs runs"
  done
fi
