#!/usr/bin/env bash
# Measures motcua at province scale (issue 9): for each size, generate an export,
# import it into a new database, write a full quarter report (all five sheets +
# JSON) and the overdue list, and report seconds, rows per second and peak memory.
#   bash Scripts/benchmark.sh [SIZES] [STYLES]   e.g. bash Scripts/benchmark.sh "100000 1000000" "canonical vietnamese"
# Dirty pages are flushed (sync) before each step, so that one step's disk
# writes are not charged to the next.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${1:-100000 1000000}"
STYLES="${2:-canonical vietnamese}"
WORK="${BENCH_DIR:-/tmp/motcua-bench}"
bash Scripts/install-system-packages.sh
swift build -c release --product motcua >/dev/null
BIN="$PWD/.build/release/motcua"
mkdir -p "$WORK"

measure() {  # label, command...: prints "label  seconds  peak-MB"
  local label="$1"; shift
  sync
  local out; out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$WORK/stderr"; } 2>&1; tail -1 "$WORK/stderr")
  local line; line=$(tail -1 "$WORK/stderr")
  local secs mem; secs=$(echo "$line" | awk '{print $1}'); mem=$(echo "$line" | awk '{printf "%.0f", $2/1024}')
  printf "%-34s %8s s %8s MB\n" "$label" "$secs" "$mem"
  echo "$secs"  > "$WORK/last-seconds"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(swift --version 2>&1 | head -1)"
for STYLE in $STYLES; do
for N in $SIZES; do
  DIR="$WORK/$STYLE-$N"
  if [ ! -f "$DIR/dossiers.csv" ]; then
    "$BIN" generate --out "$DIR" --dossiers "$N" --from 2024-01-01 --to 2024-12-31 --style "$STYLE" >/dev/null
  fi
  rm -f "$DIR/bench.sqlite"*
  echo "== $N dossiers ($STYLE, $(du -m "$DIR/dossiers.csv" | cut -f1) MB)"
  measure "reference files" "$BIN" import --db "$DIR/bench.sqlite" --units "$DIR/units.csv" --procedures "$DIR/procedures.csv"
  measure "import" "$BIN" import --db "$DIR/bench.sqlite" "$DIR/dossiers.csv"
  import_secs=$(cat "$WORK/last-seconds")
  awk -v n="$N" -v s="$import_secs" 'BEGIN { printf "%-34s %8.0f rows/s\n", "  import rate", n / s }'
  measure "re-import (unchanged)" "$BIN" import --db "$DIR/bench.sqlite" "$DIR/dossiers.csv"
  measure "quarter report, all sheets + JSON" "$BIN" report --db "$DIR/bench.sqlite" --period 2024-Q4 \
    --out "$DIR/q4.xlsx" --json "$DIR/q4.json"
  report_secs=$(cat "$WORK/last-seconds")
  awk -v a="$import_secs" -v b="$report_secs" 'BEGIN { printf "%-34s %8.2f s\n", "  import + quarter report", a + b }'
  measure "appendix only (phu-luc)" "$BIN" report --db "$DIR/bench.sqlite" --period 2024-Q4 --template phu-luc \
    --out "$DIR/q4-phu-luc.xlsx"
  measure "overdue list (xlsx)" "$BIN" overdue --db "$DIR/bench.sqlite" --as-of 2024-12-31 --from 2024-10-01 \
    --out "$DIR/overdue.xlsx"
done
done
