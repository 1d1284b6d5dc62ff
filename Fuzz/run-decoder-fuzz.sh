#!/usr/bin/env bash
# Builds the export decoder with libFuzzer (swiftc -sanitize=fuzzer) and runs it.
#   bash Fuzz/run-decoder-fuzz.sh [RUNS]        (default 10,000,000 executions)
# The corpus grows in .build-fuzz/corpus, seeded from Fuzz/seeds; crashes are
# written to .build-fuzz/crash-*. Each crash found becomes a regression test in
# Tests/MotCuaIngestTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-10000000}"
SANITIZERS="${SANITIZERS:-fuzzer}"   # SANITIZERS=fuzzer,address for a slower, stricter run
OUT=".build-fuzz-${SANITIZERS//,/-}"
mkdir -p "$OUT/corpus"

FLAGS=(-O -parse-as-library -sanitize="$SANITIZERS" -g)
swiftc "${FLAGS[@]}" -emit-library -static -emit-module -module-name MotCuaCore \
  -emit-module-path "$OUT/MotCuaCore.swiftmodule" -o "$OUT/libMotCuaCore.a" $(find Sources/MotCuaCore -name '*.swift')
swiftc "${FLAGS[@]}" -emit-library -static -emit-module -module-name MotCuaIngest -I "$OUT" \
  -emit-module-path "$OUT/MotCuaIngest.swiftmodule" -o "$OUT/libMotCuaIngest.a" Sources/MotCuaIngest/*.swift
swiftc "${FLAGS[@]}" -I "$OUT" -L "$OUT" -lMotCuaIngest -lMotCuaCore Fuzz/DecoderFuzz.swift -o "$OUT/decoder-fuzz"
cp -n Fuzz/seeds/* "$OUT/corpus/" 2>/dev/null || true
cd "$OUT"
./decoder-fuzz -runs="$RUNS" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus
