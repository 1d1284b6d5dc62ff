#!/usr/bin/env bash
# Runs the whole test suite (unit, store, workbook read-back, end-to-end), then
# checks the sample data against its generator, the independent Python checker
# and the published appendix (Scripts/check-sample-data.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-system-packages.sh
swift build --build-tests
swift test --skip-build
bash Scripts/check-sample-data.sh "$(swift build --show-bin-path)/motcua"
