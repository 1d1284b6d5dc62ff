#!/usr/bin/env bash
# Rewrites Tests/MotCuaCoreTests/Calendar/Fixtures/holidays-vn-2000-2030.csv from
# the PyPI package `holidays` (country VN), the outside opinion that
# CalendarLibraryAgreementTests compares `motcua calendar` with
# (docs/calendar.md). The tests read the committed fixture and need neither
# Python nor the library; this script installs both when they are missing.
# Usage: bash Scripts/calendar/regenerate-holidays-fixture.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
version=0.109

if ! command -v python3 >/dev/null 2>&1; then
  echo "motcua: installing python3 (for the holidays fixture)" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3 python3-venv >/dev/null
fi

venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet "holidays==$version"
"$venv/bin/python" Scripts/calendar/dump_holidays_vn.py \
  > Tests/MotCuaCoreTests/Calendar/Fixtures/holidays-vn-2000-2030.csv
git diff --stat -- Tests/MotCuaCoreTests/Calendar/Fixtures/holidays-vn-2000-2030.csv || true
echo "holidays fixture: written with holidays $version"
