#!/usr/bin/env bash
# Checks the Tân Uyên sample (SampleData/tan-uyen-2020-10/) and the two Python
# scripts behind it, so that neither is an unchecked second copy of the rules
# of docs/rules.md:
#   1. generate_tan_uyen.py, run into a scratch folder, must write the
#      committed files byte for byte (the sample is what its generator makes);
#   2. check_tan_uyen.py, an independent re-implementation of the
#      classification, must find every cell of the published appendix
#      (published-phu-luc-2020-10.csv) and every exported NgayHenTra;
#   3. with a motcua binary: motcua's JSON report of October 2020 must carry
#      the checker's figures (total and every unit).
# Usage: bash Scripts/check-sample-data.sh [path/to/motcua]
# Run by Scripts/test.sh (the README's test command, and CI's through .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
motcua="${1:-}"

if ! command -v python3 >/dev/null 2>&1; then
  echo "motcua: installing python3 (for the sample-data check)" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3 >/dev/null
fi

S=SampleData/tan-uyen-2020-10
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0

echo "== sample data: regenerate and compare with $S"
python3 Scripts/sample-data/generate_tan_uyen.py --out "$scratch/generated" >/dev/null
# The published appendix is a copy of the real letter, not written by the generator.
if ! diff -r --exclude=published-phu-luc-2020-10.csv "$scratch/generated" "$S"; then
  echo "FAILED: $S is not what Scripts/sample-data/generate_tan_uyen.py writes (rerun it and commit the result)" >&2
  failed=1
fi

json_args=()
if [ -n "$motcua" ]; then
  echo "== sample data: motcua report --period 2020-10 --json"
  "$motcua" report --input "$S/dossiers.csv" --units "$S/units.csv" --procedures "$S/procedures.csv" \
    --period 2020-10 --out "$scratch/report.xlsx" --json "$scratch/report.json" >/dev/null
  json_args=(--motcua-json "$scratch/report.json")
fi

echo "== sample data: independent check against the published appendix"
if ! python3 Scripts/sample-data/check_tan_uyen.py --period 2020-10 "${json_args[@]}" > "$scratch/check.txt"; then
  cat "$scratch/check.txt"
  echo "FAILED: Scripts/sample-data/check_tan_uyen.py" >&2
  failed=1
else
  grep -E "^(Compared|Due dates)" "$scratch/check.txt"
fi

if [ "$failed" = 1 ]; then exit 1; fi
echo "sample data: OK"
