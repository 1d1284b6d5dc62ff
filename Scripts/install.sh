#!/usr/bin/env bash
# Builds the release binary (Scripts/build-release.sh) and installs
#   PREFIX/bin/motcua
#   PREFIX/share/man/man1/motcua.1                     one page, every subcommand
#   PREFIX/share/bash-completion/completions/motcua
#   PREFIX/share/zsh/site-functions/_motcua
#   PREFIX/share/fish/vendor_completions.d/motcua.fish
#
# Usage: bash Scripts/install.sh [--prefix DIR] [--destdir DIR] [--no-build]
#   --prefix DIR   where motcua lives (default /usr/local)
#   --destdir DIR  staging root for packaging: files go to DIR/PREFIX/...
#   --no-build     install the binary Scripts/build-release.sh already built
#
# Run it as yourself: it builds as you, and copies with sudo only when the
# destination is not writable. Running it as root works too.
#
# The man page comes from the command definitions, written by
# swift-argument-parser's own manual generator (the tool behind
# `swift package generate-manual`), built once into .build-manual/ from the
# argument-parser checkout. The plugin itself would build the whole package a
# second time: `swift package` cannot pass --static-swift-stdlib, which SwiftPM
# also gives every compile command.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local
destdir=""
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#*=}"; shift ;;
    --destdir) destdir="${2:?--destdir needs a folder}"; shift 2 ;;
    --destdir=*) destdir="${1#*=}"; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$prefix" in /*) ;; *) echo "install.sh: --prefix must be an absolute path" >&2; exit 2 ;; esac
if [ -n "$destdir" ]; then destdir="$(mkdir -p "$destdir" && cd "$destdir" && pwd)"; fi
root="$destdir$prefix"

if [ "$build" = 1 ]; then
  motcua=$(bash Scripts/build-release.sh)
else
  motcua=$(bash Scripts/build-release.sh --no-build)
fi

# Everything is generated into a scratch folder first, then copied in one go.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The manual generator of the argument-parser version this package resolved,
# with one patch (Packaging/generate-manual-unicode.patch): upstream drops every
# non-ASCII character, which leaves a Vietnamese help text unreadable. The
# patched copy lives in .build-manual/src and is made again only when the
# checkout or the patch changes.
parser=.build/checkouts/swift-argument-parser
[ -d "$parser" ] || swift package resolve >&2
patch_file=Packaging/generate-manual-unicode.patch
source_id="$(git -C "$parser" rev-parse HEAD) $(sha256sum "$patch_file" | cut -d' ' -f1)"
src=.build-manual/src
if [ "$(cat .build-manual/source-id 2>/dev/null)" != "$source_id" ]; then
  rm -rf .build-manual && mkdir -p "$src"
  git -C "$parser" archive HEAD | tar -x -C "$src"
  (cd "$src" && git apply -p1) < "$patch_file"   # git apply works outside a repository
  echo "$source_id" > .build-manual/source-id
fi
echo "install.sh: building the manual generator (swift-argument-parser generate-manual)" >&2
manual_build=(--package-path "$src" --scratch-path .build-manual/build --product generate-manual)
swift build "${manual_build[@]}" >&2
generator="$(swift build "${manual_build[@]}" --show-bin-path)/generate-manual"
# A fixed date (the last commit's), so two builds of one commit give the same page.
page_date=$(git log -1 --format=%cs 2>/dev/null || date +%F)
"$generator" "$motcua" --date "$page_date" --section 1 --output-directory "$stage"
[ -s "$stage/motcua.1" ] || { echo "install.sh: the manual generator wrote no motcua.1" >&2; exit 1; }

# bash-completion sources the file: the generator's #!/bin/bash line is dropped.
"$motcua" --generate-completion-script bash | sed '1{/^#!/d}' > "$stage/motcua.bash"
"$motcua" --generate-completion-script zsh > "$stage/_motcua"
"$motcua" --generate-completion-script fish > "$stage/motcua.fish"

# sudo only when the destination cannot be written as we are.
existing="$root"
while [ ! -e "$existing" ]; do existing=$(dirname "$existing"); done
SUDO=""
if [ ! -w "$existing" ] && [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Stripped: the debug information is 40 of the 108 MB of a release build.
$SUDO install -D -s -m 755 "$motcua" "$root/bin/motcua"
$SUDO install -D -m 644 "$stage/motcua.1" "$root/share/man/man1/motcua.1"
$SUDO install -D -m 644 "$stage/motcua.bash" "$root/share/bash-completion/completions/motcua"
$SUDO install -D -m 644 "$stage/_motcua" "$root/share/zsh/site-functions/_motcua"
$SUDO install -D -m 644 "$stage/motcua.fish" "$root/share/fish/vendor_completions.d/motcua.fish"
echo "install.sh: installed $("$motcua" --version) into $root" >&2
