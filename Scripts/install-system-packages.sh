#!/usr/bin/env bash
# Installs the Debian packages motcua builds against, if they are missing:
# libxlsxwriter-dev (Excel writer), libsqlite3-dev (SQLite for GRDB), zlib1g-dev
# (ZIPFoundation) and libisal-dev (ISA-L inflate for .xlsx imports).
set -euo pipefail
needed=()
for pkg in libxlsxwriter-dev libsqlite3-dev zlib1g-dev libisal-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || needed+=("$pkg")
done
if [ ${#needed[@]} -gt 0 ]; then
  echo "motcua: installing ${needed[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${needed[@]}" >/dev/null
fi
