#!/usr/bin/env bash
# Builds one of motcua's fuzz targets with libFuzzer (swiftc -sanitize=fuzzer)
# and runs it:
#   bash Fuzz/fuzz.sh decoder [RUNS]   the CSV export decoder (Fuzz/DecoderFuzz.swift, seeds Fuzz/seeds)
#   bash Fuzz/fuzz.sh xlsx [RUNS]      the .xlsx reader (Fuzz/XLSXFuzz.swift, seeds Fuzz/seeds-xlsx)
# SANITIZERS=fuzzer,address for a slower, stricter run. The corpus grows in
# .build-fuzz-TARGET-SANITIZERS/corpus; crashes are written beside it as crash-*,
# and each becomes a regression test in Tests/MotCuaIngestTests.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${1:?usage: bash Fuzz/fuzz.sh decoder|xlsx [RUNS]}"
case "$TARGET" in
  decoder) SOURCE=Fuzz/DecoderFuzz.swift; SEEDS=Fuzz/seeds; MAX_LEN=4096; DEFAULT_RUNS=10000000 ;;
  xlsx) SOURCE=Fuzz/XLSXFuzz.swift; SEEDS=Fuzz/seeds-xlsx; MAX_LEN=8192; DEFAULT_RUNS=1000000 ;;
  *) echo "unknown fuzz target: $TARGET (decoder or xlsx)" >&2; exit 2 ;;
esac
RUNS="${2:-$DEFAULT_RUNS}"
SANITIZERS="${SANITIZERS:-fuzzer}"
OUT=".build-fuzz-$TARGET-${SANITIZERS//,/-}"
mkdir -p "$OUT/corpus"

# The core and the ingest module as static libraries (the ingest module reads
# .xlsx through ISA-L: MotCuaInflate's module map and -lisal).
FLAGS=(-O -parse-as-library -package-name motcua -sanitize="$SANITIZERS" -g)
swiftc "${FLAGS[@]}" -emit-library -static -emit-module -module-name MotCuaCore \
  -emit-module-path "$OUT/MotCuaCore.swiftmodule" -o "$OUT/libMotCuaCore.a" $(find Sources/MotCuaCore -name '*.swift')
swiftc "${FLAGS[@]}" -enable-testing -emit-library -static -emit-module -module-name MotCuaIngest -I "$OUT" -I Sources/MotCuaInflate \
  -emit-module-path "$OUT/MotCuaIngest.swiftmodule" -o "$OUT/libMotCuaIngest.a" Sources/MotCuaIngest/*.swift
swiftc "${FLAGS[@]}" -I "$OUT" -I Sources/MotCuaInflate -L "$OUT" -lMotCuaIngest -lMotCuaCore -lisal "$SOURCE" -o "$OUT/$TARGET-fuzz"
cp -n "$SEEDS"/* "$OUT/corpus/" 2>/dev/null || true
cd "$OUT"
"./$TARGET-fuzz" -runs="$RUNS" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus
