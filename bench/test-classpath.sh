#!/usr/bin/env bash
# Sourced by the benches that run test classes: compiles main and test code, then sets $bench_cp to
# target/classes, target/test-classes and the dependencies, and $bench_out to bench/out.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_out="$root/bench/out"
mkdir -p "$bench_out"
cd "$root"
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$bench_out/cp.txt" >/dev/null
bench_cp="target/classes:target/test-classes:$(cat "$bench_out/cp.txt")"
