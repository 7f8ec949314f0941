#!/usr/bin/env bash
# Per-block overhead of the session engine with the journal on (goal: <= 1 ms/block on the local target).
# Runs N trivial blocks through RunSession + AutoConfirmer + JournalWriter (fsync per event) and the same N
# blocks straight on the target session; prints both and the difference per block.
# Usage: bench/session/run.sh [BLOCKS=300] [ROUNDS=3]   (BENCH_TMPDIR=/dev/shm puts the journal on tmpfs:
# fsync then costs nothing, which separates the engine's own cost from the disk's)
# BENCH_JAVA_OPTS=-Dbench.noMarkdownLog=true measures without the live Markdown log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../test-classpath.sh"
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); disk: $(df --output=source "${TMPDIR:-/tmp}" | tail -1)"
exec java ${BENCH_JAVA_OPTS:-} ${BENCH_TMPDIR:+-Djava.io.tmpdir=$BENCH_TMPDIR} -cp "$bench_cp" dev.runbookshell.bench.SessionOverhead "${1:-300}" "${2:-3}"
