#!/usr/bin/env bash
# The one release build every script shares (sample-report.sh, install.sh,
# package-deb.sh, test-package.sh): the same flags, so the same .build/
# products, built once. The Swift runtime and Foundation are linked statically,
# so the binary runs on a Debian 12 machine without a Swift toolchain; it needs
# only the Debian packages of libxlsxwriter, SQLite, zlib, ISA-L, libstdc++ and libc.
#
# Build messages go to stderr; the last line on stdout is the binary's path:
#   motcua=$(bash Scripts/build-release.sh)
#   motcua=$(bash Scripts/build-release.sh --no-build)   # path of the one built before
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib --product motcua)
if [ "${1:-}" != "--no-build" ]; then
  bash Scripts/install-system-packages.sh
  swift build "${flags[@]}" >&2
fi
motcua="$(swift build "${flags[@]}" --show-bin-path)/motcua"
[ -x "$motcua" ] || { echo "build-release.sh: $motcua is not built yet" >&2; exit 1; }
echo "$motcua"
