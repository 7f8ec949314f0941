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

# Sets cpu_now to the CPU time (user + system, microseconds) of this shell's finished children so far, from
# `times` run in this shell (in a subshell it would count the subshell's children).
children_cpu() {
  local part m s line
  times >"$out/times"
  { read -r line; read -r line; } <"$out/times"
  cpu_now=0
  for part in $line; do   # "1m2.345s 0m0.678s"
    m="${part%%m*}"; s="${part#*m}"; s="${s%s}"
    cpu_now=$((cpu_now + m * 60000000 + 10#${s%.*} * 1000000 + 10#${s#*.} * 1000))
  done
}

# Runs the command once and appends its wall time in microseconds to the array named by $1 (and its CPU time,
# user + system of it and its children, to the array named ${1}_cpu).
time_once() {
  local -n into="$1"
  local -n into_cpu="${1}_cpu"
  shift
  local start end cpu_start cpu_end
  children_cpu
  cpu_start=$cpu_now
  start=${EPOCHREALTIME//./}
  "$@" >/dev/null 2>"$out/last-stderr" </dev/null || {
    echo "bench: '$*' failed (exit $?): $(head -c 300 "$out/last-stderr")" >&2
    exit 2
  }
  end=${EPOCHREALTIME//./}
  children_cpu
  cpu_end=$cpu_now
  into+=($((end - start)))
  into_cpu+=($((cpu_end - cpu_start)))
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
  local -a hello_default_cpu=() hello_launcher_cpu=() version_cpu=() list_cpu=() lint_cpu=()
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
  echo "| command | ms | x hello (launcher's java) | x hello (default java) | CPU ms |"
  echo "|---|---:|---:|---:|---:|"
  echo "| java -cp DIR Hello, default java | $base_default | | 1.0 | $(median_ms hello_default_cpu) |"
  echo "| java -cp DIR Hello, launcher's java | $base_launcher | 1.0 | | $(median_ms hello_launcher_cpu) |"
  local name ms
  for name in version list lint; do
    ms="$(median_ms "$name")"
    case "$name" in
      version) label="./runbook --version" ;;
      list) label="./runbook list $file --json" ;;
      lint) label="./runbook lint $file" ;;
    esac
    echo "| $label | $ms | $(ratio "$ms" "$base_launcher") | $(ratio "$ms" "$base_default") | $(median_ms "${name}_cpu") |"
  done
  echo
  echo "Goal: at most 8x the hello-world JVM (on an idle machine; CPU ms is what the load inflates least)."
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
  local -a one=() many=() spawns=() one_cpu=() many_cpu=() spawns_cpu=()
  local i start end cpu_start
  for _ in $(seq "$rounds"); do
    time_once one ./runbook run "$dir/blocks-1.md" --yes --log-dir "$dir/logs"
    time_once many ./runbook run "$dir/blocks-301.md" --yes --log-dir "$dir/logs"
    rm -rf "$dir/logs"
    children_cpu
    cpu_start=$cpu_now
    start=${EPOCHREALTIME//./}
    for i in $(seq 300); do bash -c :; done
    end=${EPOCHREALTIME//./}
    children_cpu
    spawns+=($(((end - start) / 300)))
    spawns_cpu+=($(((cpu_now - cpu_start) / 300)))
  done
  local one_ms many_ms per_block spawn per_block_cpu spawn_cpu
  one_ms="$(median_ms one)"
  many_ms="$(median_ms many)"
  per_block="$(awk -v a="$many_ms" -v b="$one_ms" 'BEGIN { printf "%.2f", (a - b) / 300 }')"
  spawn="$(awk -v s="$(median_ms spawns)" 'BEGIN { printf "%.2f", s }')"
  per_block_cpu="$(awk -v a="$(median_ms many_cpu)" -v b="$(median_ms one_cpu)" 'BEGIN { printf "%.2f", (a - b) / 300 }')"
  spawn_cpu="$(awk -v s="$(median_ms spawns_cpu)" 'BEGIN { printf "%.2f", s }')"
  echo
  echo "## Per block of a whole run (journal on disk: $(df --output=fstype "$dir" | tail -1); load after: $(load))"
  echo
  echo "| measure | ms | CPU ms |"
  echo "|---|---:|---:|"
  echo "| ./runbook run (1 block) --yes | $one_ms | $(median_ms one_cpu) |"
  echo "| ./runbook run (301 blocks) --yes | $many_ms | $(median_ms many_cpu) |"
  echo "| per block: (301 - 1) / 300 | $per_block | $per_block_cpu |"
  echo "| spawning bash -c : | $spawn | $spawn_cpu |"
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
