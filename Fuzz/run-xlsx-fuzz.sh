#!/usr/bin/env bash
# The .xlsx reader under libFuzzer; see Fuzz/fuzz.sh.
exec bash "$(dirname "$0")/fuzz.sh" xlsx "$@"
