#!/usr/bin/env bash
# Runs the whole test suite (unit, store, workbook read-back, end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-system-packages.sh
swift build --build-tests
swift test --skip-build
