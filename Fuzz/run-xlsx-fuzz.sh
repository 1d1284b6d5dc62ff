#!/usr/bin/env bash
# Builds the .xlsx reader (ZIP entries, workbook, shared strings, sheet XML,
# header search, row decoding) with libFuzzer (swiftc -sanitize=fuzzer) and runs it.
#   bash Fuzz/run-xlsx-fuzz.sh [RUNS]        (default 1,000,000 executions)
# The corpus grows in .build-fuzz-xlsx-*/corpus, seeded from Fuzz/seeds-xlsx
# (small workbooks, and bare sheet XML, which the target wraps in a fixed
# workbook); crashes are written to .build-fuzz-xlsx-*/crash-*. Each crash
# found becomes a regression test in Tests/MotCuaIngestTests/XLSXFuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-1000000}"
SANITIZERS="${SANITIZERS:-fuzzer}"   # SANITIZERS=fuzzer,address for a slower, stricter run
OUT=".build-fuzz-xlsx-${SANITIZERS//,/-}"
mkdir -p "$OUT/corpus"

FLAGS=(-O -parse-as-library -sanitize="$SANITIZERS" -g)
swiftc "${FLAGS[@]}" -emit-library -static -emit-module -module-name MotCuaCore \
  -emit-module-path "$OUT/MotCuaCore.swiftmodule" -o "$OUT/libMotCuaCore.a" $(find Sources/MotCuaCore -name '*.swift')
swiftc "${FLAGS[@]}" -enable-testing -emit-library -static -emit-module -module-name MotCuaIngest -I "$OUT" -I Sources/MotCuaZlib \
  -emit-module-path "$OUT/MotCuaIngest.swiftmodule" -o "$OUT/libMotCuaIngest.a" Sources/MotCuaIngest/*.swift
swiftc "${FLAGS[@]}" -I "$OUT" -I Sources/MotCuaZlib -L "$OUT" -lMotCuaIngest -lMotCuaCore -lz Fuzz/XLSXFuzz.swift -o "$OUT/xlsx-fuzz"
cp -n Fuzz/seeds-xlsx/* "$OUT/corpus/" 2>/dev/null || true
cd "$OUT"
./xlsx-fuzz -runs="$RUNS" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus
