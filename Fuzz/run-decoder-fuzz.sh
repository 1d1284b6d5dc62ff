#!/usr/bin/env bash
# The CSV export decoder under libFuzzer; see Fuzz/fuzz.sh.
exec bash "$(dirname "$0")/fuzz.sh" decoder "$@"
