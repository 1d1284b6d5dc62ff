#!/usr/bin/env bash
# The main job on the bundled sample: import the Tân Uyên October 2020 export
# and write the report workbook (Phụ lục first, then the other four sheets) and
# its JSON into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-system-packages.sh
swift build -c release --product motcua
S=SampleData/tan-uyen-2020-10
mkdir -p out
.build/release/motcua report \
  --input "$S/dossiers.csv" --units "$S/units.csv" --procedures "$S/procedures.csv" \
  --period 2020-10 --out out/bao-cao-2020-10.xlsx --json out/bao-cao-2020-10.json
