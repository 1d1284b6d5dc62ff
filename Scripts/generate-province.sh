#!/usr/bin/env bash
# Builds motcua in release mode and writes a synthetic province export (units,
# procedures, dossiers) in each style, with the time and peak memory of each
# run — the data set and the numbers of the "province scale" benchmarks.
#
#   Scripts/generate-province.sh [OUT_DIR] [DOSSIERS] [extra motcua generate options…]
#   Scripts/generate-province.sh /tmp/lai-chau 1000000 --two-level
#
# Deterministic: the same arguments give byte-identical files.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/motcua-province}"
dossiers="${2:-1000000}"
shift $(( $# > 2 ? 2 : $# ))

swift build -c release --product motcua --scratch-path .build-gen-release >&2
bin=.build-gen-release/release/motcua
for style in canonical vietnamese utf16; do
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "  $style: %e s, peak memory %M KB" \
            "$bin" generate --out "$out/$style" --dossiers "$dossiers" --style "$style" "$@"
    else
        "$bin" generate --out "$out/$style" --dossiers "$dossiers" --style "$style" "$@"
    fi
done
