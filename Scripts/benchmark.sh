#!/usr/bin/env bash
# Measures motcua at province scale (issues 9 and 18), release build.
#   bash Scripts/benchmark.sh [--quick] [--years] [--no-peers] [SIZES] [STYLES]
#     e.g. bash Scripts/benchmark.sh "100000 1000000" "canonical vietnamese"
#
# 1. For each size and style: generate an export, import it into a new
#    database, re-import it, write a full quarter report (all default sheets +
#    JSON), the appendix alone and the overdue list; seconds, rows/s, peak memory.
#    Then the same dossiers as an .xlsx export ("Xuất Excel": title rows, Excel
#    date serials), imported into a new database, best of 3 (issue 14).
# 2. Peers (unless --no-peers), on the largest size's Vietnamese-style export:
#    motcua import + quarter report, DuckDB (read_csv into a table + one GROUP
#    BY per unit, 2 threads) and the pandas + XlsxWriter baseline
#    (Scripts/pandas-baseline), installed into a virtual environment. Best of 3,
#    the three tools taking turns in each round so that they share the
#    machine's load; prints the ratios.
# 3. --years: a 10,000,000-dossier database over three years (2022–2024):
#    import, then a quarter and a year report (best of 3).
# --quick: 100,000 rows only (about a minute, peers included).
#
# Dirty pages are flushed (sync) before each step, so that one step's disk
# writes are not charged to the next. The machine's load (uptime) is printed
# beside the figures: other work on the machine shows in wall-clock times.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0 YEARS=0 PEERS=1 ARGS=()
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    --years) YEARS=1 ;;
    --no-peers) PEERS=0 ;;
    *) ARGS+=("$a") ;;
  esac
done
if [ "$QUICK" = 1 ]; then DEFAULT_SIZES="100000"; else DEFAULT_SIZES="100000 1000000"; fi
SIZES="${ARGS[0]:-$DEFAULT_SIZES}"
STYLES="${ARGS[1]:-canonical vietnamese}"
WORK="${BENCH_DIR:-/tmp/motcua-bench}"
YEARS_DIR="${YEARS_DIR:-/tmp/motcua-10m}"
VENV="${BENCH_VENV:-$WORK/venv}"
ROUNDS="${BENCH_ROUNDS:-3}"
bash Scripts/install-system-packages.sh
swift build -c release --product motcua >/dev/null
BIN="$PWD/.build/release/motcua"
mkdir -p "$WORK"

run_timed() {  # command...: runs it under /usr/bin/time; sets SECS and MB (peak resident)
  sync
  if ! /usr/bin/time -f "%e %M" "$@" >"$WORK/stdout" 2>"$WORK/stderr"; then
    cat "$WORK/stderr" >&2; echo "failed: $*" >&2; exit 1
  fi
  local line; line=$(tail -1 "$WORK/stderr")
  SECS=$(echo "$line" | awk '{print $1}'); MB=$(echo "$line" | awk '{printf "%.0f", $2/1024}')
}

measure() {  # label, command...: prints "label  seconds  peak-MB"
  local label="$1"; shift
  run_timed "$@"
  printf "%-38s %8s s %8s MB\n" "$label" "$SECS" "$MB"
}

generate() {  # dir, dossiers, style[, from, to]
  if [ ! -f "$1/dossiers.csv" ]; then
    "$BIN" generate --out "$1" --dossiers "$2" --from "${4:-2024-01-01}" --to "${5:-2024-12-31}" --style "$3" >/dev/null
  fi
}

load() { echo "load: $(uptime | sed 's/.*load average/load average/')"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(swift --version 2>&1 | head -1)"
load
for STYLE in $STYLES; do
for N in $SIZES; do
  DIR="$WORK/$STYLE-$N"
  generate "$DIR" "$N" "$STYLE"
  rm -f "$DIR/bench.sqlite"*
  echo "== $N dossiers ($STYLE, $(du -m "$DIR/dossiers.csv" | cut -f1) MB)"
  measure "reference files" "$BIN" import --db "$DIR/bench.sqlite" --units "$DIR/units.csv" --procedures "$DIR/procedures.csv"
  measure "import" "$BIN" import --db "$DIR/bench.sqlite" "$DIR/dossiers.csv"
  import_secs=$SECS
  awk -v n="$N" -v s="$import_secs" 'BEGIN { printf "%-38s %8.0f rows/s\n", "  import rate", n / s }'
  measure "re-import (unchanged)" "$BIN" import --db "$DIR/bench.sqlite" "$DIR/dossiers.csv"
  measure "quarter report, all sheets + JSON" "$BIN" report --db "$DIR/bench.sqlite" --period 2024-Q4 \
    --out "$DIR/q4.xlsx" --json "$DIR/q4.json"
  awk -v a="$import_secs" -v b="$SECS" 'BEGIN { printf "%-38s %8.2f s\n", "  import + quarter report", a + b }'
  measure "appendix only (phu-luc)" "$BIN" report --db "$DIR/bench.sqlite" --period 2024-Q4 --template phu-luc \
    --out "$DIR/q4-phu-luc.xlsx"
  measure "overdue list (xlsx)" "$BIN" overdue --db "$DIR/bench.sqlite" --as-of 2024-12-31 --from 2024-10-01 \
    --out "$DIR/overdue.xlsx"
done
done
load

for N in $SIZES; do
  DIR="$WORK/xlsx-$N"
  if [ ! -f "$DIR/dossiers.xlsx" ]; then
    "$BIN" generate --out "$DIR" --dossiers "$N" --from 2024-01-01 --to 2024-12-31 --format xlsx >/dev/null
  fi
  echo "== $N dossiers as .xlsx ($(du -m "$DIR/dossiers.xlsx" | cut -f1) MB)"
  : > "$WORK/xlsx-runs"
  for round in $(seq "$ROUNDS"); do
    rm -f "$DIR/bench.sqlite"*
    run_timed "$BIN" import --db "$DIR/bench.sqlite" --units "$DIR/units.csv" --procedures "$DIR/procedures.csv" "$DIR/dossiers.xlsx"
    echo "$SECS $MB" >> "$WORK/xlsx-runs"
  done
  read -r secs mb <<<"$(awk 'NR == 1 || $1 < b { b = $1; m = $2 } END { print b, m }' "$WORK/xlsx-runs")"
  printf "%-38s %8s s %8s MB   (runs: %s)\n" "import of the .xlsx, best of $ROUNDS" "$secs" "$mb" "$(cut -d' ' -f1 "$WORK/xlsx-runs" | paste -sd' ')"
  awk -v n="$N" -v s="$secs" 'BEGIN { printf "%-38s %8.0f rows/s\n", "  import rate", n / s }'
done
load

best() { awk 'NR == 1 || $1 < b { b = $1; m = $2 } END { printf "%s %s", b, m }' "$1"; }  # file of "secs MB" → best secs and its MB

if [ "$PEERS" = 1 ]; then
  N=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
  DIR="$WORK/vietnamese-$N"
  generate "$DIR" "$N" vietnamese
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import duckdb, pandas, xlsxwriter" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet duckdb pandas xlsxwriter
  fi
  PY="$VENV/bin/python"
  echo "== peers on $N dossiers (vietnamese, $(du -m "$DIR/dossiers.csv" | cut -f1) MB), best of $ROUNDS;" \
    "duckdb $("$PY" -c 'import duckdb; print(duckdb.__version__)'), pandas $("$PY" -c 'import pandas; print(pandas.__version__)')"
  load
  : >"$WORK/p-import"; : >"$WORK/p-report"; : >"$WORK/p-both"; : >"$WORK/p-input"; : >"$WORK/p-duckdb"; : >"$WORK/p-pandas"
  for round in $(seq "$ROUNDS"); do
    rm -f "$DIR/peer.sqlite"*
    "$BIN" import --db "$DIR/peer.sqlite" --units "$DIR/units.csv" --procedures "$DIR/procedures.csv" >/dev/null
    run_timed "$BIN" import --db "$DIR/peer.sqlite" "$DIR/dossiers.csv"; echo "$SECS $MB" >>"$WORK/p-import"; i=$SECS im=$MB
    run_timed "$BIN" report --db "$DIR/peer.sqlite" --period 2024-Q4 --out "$DIR/peer-q4.xlsx" --json "$DIR/peer-q4.json"
    echo "$SECS $MB" >>"$WORK/p-report"
    awk -v a="$i" -v b="$SECS" -v m1="$im" -v m2="$MB" 'BEGIN { print a + b, (m1 > m2 ? m1 : m2) }' >>"$WORK/p-both"
    # The same report straight from the file (scratch database, deleted after): the same figures.
    run_timed "$BIN" report --input "$DIR/dossiers.csv" --units "$DIR/units.csv" --procedures "$DIR/procedures.csv" \
      --period 2024-Q4 --out "$DIR/peer-input-q4.xlsx" --json "$DIR/peer-input-q4.json"
    echo "$SECS $MB" >>"$WORK/p-input"
    cmp -s "$DIR/peer-q4.json" "$DIR/peer-input-q4.json" || { echo "report --input differs from import + report" >&2; exit 1; }
    run_timed "$PY" Scripts/duckdb-peer/quarter_counts.py --csv "$DIR/dossiers.csv" --threads 2
    echo "$SECS $MB" >>"$WORK/p-duckdb"
    rm -f "$DIR/pandas.sqlite"
    run_timed "$PY" Scripts/pandas-baseline/quarter_report.py --input "$DIR" --db "$DIR/pandas.sqlite" \
      --out "$DIR/pandas-q4.xlsx" --step all
    echo "$SECS $MB" >>"$WORK/p-pandas"
  done
  for step in "motcua import:p-import" "motcua quarter report:p-report" "motcua import + report:p-both" \
              "motcua report --input (same figures):p-input" \
              "DuckDB read_csv + GROUP BY:p-duckdb" "pandas + XlsxWriter import + report:p-pandas"; do
    read -r s m <<<"$(best "$WORK/${step#*:}")"
    printf "%-38s %8s s %8s MB   (runs: %s)\n" "${step%%:*}" "$s" "$m" "$(awk '{printf "%s ", $1}' "$WORK/${step#*:}")"
  done
  read -r both _ <<<"$(best "$WORK/p-both")"; read -r duck _ <<<"$(best "$WORK/p-duckdb")"
  read -r pand _ <<<"$(best "$WORK/p-pandas")"; read -r direct _ <<<"$(best "$WORK/p-input")"
  awk -v a="$both" -v i="$direct" -v d="$duck" -v p="$pand" 'BEGIN {
    printf "%-38s %8.2f (below 1: motcua faster)\n", "ratio motcua import + report / DuckDB", a / d
    printf "%-38s %8.2f\n", "ratio motcua report --input / DuckDB", i / d
    printf "%-38s %8.1f× faster\n", "motcua (best path) vs pandas", p / (i < a ? i : a) }'
  load
fi

if [ "$YEARS" = 1 ]; then
  generate "$YEARS_DIR" 10000000 vietnamese 2022-01-01 2024-12-31
  DB="$YEARS_DIR/years.sqlite"
  echo "== years of data: 10,000,000 dossiers, 2022–2024 (vietnamese, $(du -m "$YEARS_DIR/dossiers.csv" | cut -f1) MB)"
  df -h "$YEARS_DIR" | tail -1
  load
  rm -f "$DB"*
  "$BIN" import --db "$DB" --units "$YEARS_DIR/units.csv" --procedures "$YEARS_DIR/procedures.csv" >/dev/null
  measure "import" "$BIN" import --db "$DB" "$YEARS_DIR/dossiers.csv"
  awk -v s="$SECS" 'BEGIN { printf "%-38s %8.0f rows/s\n", "  import rate", 10000000 / s }'
  for p in 2024-Q4 2024; do
    : >"$WORK/y-$p"
    for round in $(seq "$ROUNDS"); do
      run_timed "$BIN" report --db "$DB" --period "$p" --out "$YEARS_DIR/report-$p.xlsx" --json "$YEARS_DIR/report-$p.json"
      echo "$SECS $MB" >>"$WORK/y-$p"
    done
    read -r s m <<<"$(best "$WORK/y-$p")"
    printf "%-38s %8s s %8s MB   (runs: %s)\n" "report $p, all sheets + JSON" "$s" "$m" "$(awk '{printf "%s ", $1}' "$WORK/y-$p")"
  done
  load
fi
