#!/usr/bin/env bash
# Speed at the edges (issue 15), each figure beside its reference measured in the same run:
#   start-up    ./runbook --version, list FILE --json, lint FILE  vs  `java -cp DIR Hello` (default java and the
#               launcher's java); goal: --version at most 8x the hello-world JVM
#   per block   (`./runbook run FILE --yes` of 301 one-line blocks - the same of 1 block) / 300, journal on disk
#               vs spawning `bash -c :`; goal: at most 1 ms per block
#   parsing     a 10,000-block runbook (bench/parse); goal: 100 ms
# A round runs every command of a figure once, in turn, so that a change in the machine's load hits all of them
# alike; each figure is the median over the rounds. Set JAVA_HOME to measure the launcher with that JDK.
# Usage: bench/edges/run.sh [ROUNDS=15] [startup] [blocks] [parse]   (default: all three)
set -euo pipefail
export LC_ALL=C   # EPOCHREALTIME with a decimal point
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$root/bench/out/edges"
mkdir -p "$out"

rounds=15
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then rounds="$1"; shift; fi
figures=("$@")
(( ${#figures[@]} )) || figures=(startup blocks parse)

load() { cut -d' ' -f1-3 /proc/loadavg; }

# Runs the command once and appends its wall time in microseconds to the array named by $1.
time_once() {
  local -n into="$1"
  shift
  local start end
  start=${EPOCHREALTIME//./}
  "$@" >/dev/null 2>"$out/last-stderr" </dev/null || {
    echo "bench: '$*' failed (exit $?): $(head -c 300 "$out/last-stderr")" >&2
    exit 2
  }
  end=${EPOCHREALTIME//./}
  into+=($((end - start)))
}

# Median of the named array's microseconds, in milliseconds with one decimal.
median_ms() {
  local -n values="$1"
  printf '%s\n' "${values[@]}" | sort -n | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

./runbook --version >/dev/null   # builds the jar and trains the archive once, outside the measurement
default_java="$(command -v java)"
launcher_java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if grep -q RUNBOOK_WHICH_JAVA runbook; then   # older launchers (before issue 15) took JAVA_HOME, else PATH
  launcher_java="$(RUNBOOK_WHICH_JAVA=1 ./runbook </dev/null)"
fi
launcher_java="$(command -v "$launcher_java")"
java_version() { "$1" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/'; }
echo "machine: $(nproc) cores, load $(load); default java $(java_version "$default_java") ($default_java);" \
  "launcher's java $(java_version "$launcher_java") ($launcher_java); $rounds rounds"

startup() {
  local hello="$out/hello" file="runbooks/demo.md"
  mkdir -p "$hello"
  printf 'public class Hello {\n\tpublic static void main(String[] args) {\n\t\tSystem.out.println("hello");\n\t}\n}\n' \
    >"$hello/Hello.java"
  javac --release 17 -d "$hello" "$hello/Hello.java"
  local -a hello_default=() hello_launcher=() version=() list=() lint=()
  for _ in $(seq "$rounds"); do
    time_once hello_default "$default_java" -cp "$hello" Hello
    time_once hello_launcher "$launcher_java" -cp "$hello" Hello
    time_once version ./runbook --version
    time_once list ./runbook list "$file" --json
    time_once lint ./runbook lint "$file"
  done
  local base_default base_launcher
  base_default="$(median_ms hello_default)"
  base_launcher="$(median_ms hello_launcher)"
  echo
  echo "## Start-up (median ms; load after: $(load))"
  echo
  echo "| command | ms | x hello (launcher's java) | x hello (default java) |"
  echo "|---|---:|---:|---:|"
  echo "| java -cp DIR Hello, default java | $base_default | | 1.0 |"
  echo "| java -cp DIR Hello, launcher's java | $base_launcher | 1.0 | |"
  local name ms
  for name in version list lint; do
    ms="$(median_ms "$name")"
    case "$name" in
      version) label="./runbook --version" ;;
      list) label="./runbook list $file --json" ;;
      lint) label="./runbook lint $file" ;;
    esac
    echo "| $label | $ms | $(ratio "$ms" "$base_launcher") | $(ratio "$ms" "$base_default") |"
  done
  echo
  echo "Goal: ./runbook --version at most 8x the hello-world JVM."
}

blocks() {
  local dir="$out/blocks" n
  rm -rf "$dir" && mkdir -p "$dir"
  for n in 1 301; do
    {
      printf '# Per-block bench\n\n## Blocks\n\n'
      for i in $(seq "$n"); do printf '```bash\ntrue\n```\n\n'; done
    } >"$dir/blocks-$n.md"
  done
  local -a one=() many=() spawns=()
  local i start end
  for _ in $(seq "$rounds"); do
    time_once one ./runbook run "$dir/blocks-1.md" --yes --log-dir "$dir/logs"
    time_once many ./runbook run "$dir/blocks-301.md" --yes --log-dir "$dir/logs"
    rm -rf "$dir/logs"
    start=${EPOCHREALTIME//./}
    for i in $(seq 300); do bash -c :; done
    end=${EPOCHREALTIME//./}
    spawns+=($(((end - start) / 300)))
  done
  local one_ms many_ms per_block spawn
  one_ms="$(median_ms one)"
  many_ms="$(median_ms many)"
  per_block="$(awk -v a="$many_ms" -v b="$one_ms" 'BEGIN { printf "%.2f", (a - b) / 300 }')"
  spawn="$(awk -v s="$(median_ms spawns)" 'BEGIN { printf "%.2f", s }')"
  echo
  echo "## Per block of a whole run (journal on disk: $(df --output=fstype "$dir" | tail -1); load after: $(load))"
  echo
  echo "| measure | ms |"
  echo "|---|---:|"
  echo "| ./runbook run (1 block) --yes | $one_ms |"
  echo "| ./runbook run (301 blocks) --yes | $many_ms |"
  echo "| per block: (301 - 1) / 300 | $per_block |"
  echo "| spawning bash -c : | $spawn |"
  echo
  echo "Per block is $(ratio "$per_block" "$spawn")x a bash -c spawn. Goal: at most 1 ms per block."
}

parse() {
  local line
  line="$(bench/parse/run.sh 10000 10 21 | grep '^parse ')"
  echo
  echo "## Parsing (load after: $(load))"
  echo
  echo "$line"
  echo
  echo "Goal: median 100 ms."
}

for figure in "${figures[@]}"; do
  case "$figure" in
    startup|blocks|parse) "$figure" ;;
    *) echo "usage: bench/edges/run.sh [ROUNDS] [startup] [blocks] [parse]" >&2; exit 2 ;;
  esac
done
