#!/usr/bin/env bash
# The main job on the bundled sample: import the Tân Uyên October 2020 export
# and write the report workbook (Phụ lục first, then the other four sheets) and
# its JSON into out/. Uses the shared release build (Scripts/build-release.sh),
# the same binary Scripts/install.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
motcua=$(bash Scripts/build-release.sh)
S=SampleData/tan-uyen-2020-10
mkdir -p out
"$motcua" report \
  --input "$S/dossiers.csv" --units "$S/units.csv" --procedures "$S/procedures.csv" \
  --period 2020-10 --out out/bao-cao-2020-10.xlsx --json out/bao-cao-2020-10.json
