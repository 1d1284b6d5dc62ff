#!/usr/bin/env bash
# Builds dist/motcua_VERSION_ARCH.deb (VERSION from the top-level VERSION file):
#   /usr/bin/motcua                          the static-Swift release binary
#   /usr/share/man/man1/motcua.1.gz          generated from the command definitions
#   /usr/share/bash-completion/completions/motcua
#   /usr/share/zsh/vendor-completions/_motcua      (Debian's zsh fpath)
#   /usr/share/fish/vendor_completions.d/motcua.fish
#   /etc/motcua/motcua.yaml                  sample configuration (a conffile)
#   /lib/systemd/system/motcua.service, motcua.timer   the nightly run
#   /usr/share/doc/motcua/copyright, changelog.gz   licences of what is linked in
#   /usr/share/lintian/overrides/motcua      the one finding that stays (libyaml in Yams)
# Depends: is computed by dpkg-shlibdeps from the binary's shared libraries.
#
# Usage: bash Scripts/package-deb.sh [--no-build]
# Prints the path of the .deb as the last line on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

install_args=()
[ "${1:-}" = "--no-build" ] && install_args+=(--no-build)

# dpkg-shlibdeps comes with dpkg-dev.
if ! command -v dpkg-shlibdeps >/dev/null; then
  echo "package-deb.sh: installing dpkg-dev" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq dpkg-dev >/dev/null
fi

version=$(tr -d '[:space:]' < VERSION)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
install -d -m 755 "$root"

# The files a `--prefix /usr` install puts down, then the Debian-specific layout.
bash Scripts/install.sh --prefix /usr --destdir "$root" "${install_args[@]}" >&2
gzip -9n "$root/usr/share/man/man1/motcua.1"
install -d "$root/usr/share/zsh/vendor-completions"
mv "$root/usr/share/zsh/site-functions/_motcua" "$root/usr/share/zsh/vendor-completions/_motcua"
rmdir "$root/usr/share/zsh/site-functions"
install -D -m 644 Packaging/motcua.yaml "$root/etc/motcua/motcua.yaml"
install -D -m 644 Packaging/motcua.service "$root/lib/systemd/system/motcua.service"
install -D -m 644 Packaging/motcua.timer "$root/lib/systemd/system/motcua.timer"

doc="$root/usr/share/doc/motcua"
install -D -m 644 Packaging/copyright "$doc/copyright"
# A native package's changelog: this version, made from the commit being built.
maintainer=$(sed -n 's/^Maintainer: //p' Packaging/control.in)
{
  printf 'motcua (%s) bookworm; urgency=medium\n\n' "$version"
  printf '  * Built from commit %s.\n\n' "$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
  printf ' -- %s  %s\n' "$maintainer" "$(git log -1 --format=%aD 2>/dev/null || date -R)"
} | gzip -9n > "$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"
install -D -m 644 Packaging/lintian-overrides "$root/usr/share/lintian/overrides/motcua"

install -d "$root/DEBIAN"
echo /etc/motcua/motcua.yaml > "$root/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  install -m 755 "Packaging/$script" "$root/DEBIAN/$script"
done

# Depends: the Debian packages of the shared libraries the binary needs
# (libxlsxwriter, libsqlite3, zlib, ISA-L, libstdc++, libgcc, libc), with the minimum
# versions their symbols files ask for. dpkg-shlibdeps wants a debian/control.
mkdir -p "$work/shlibs/debian"
printf 'Source: motcua\n\nPackage: motcua\nArchitecture: any\n' > "$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$root/usr/bin/motcua" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "package-deb.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# The postinst makes the system user the service runs as.
depends="adduser, $depends"

installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
    -e "s/@INSTALLED_SIZE@/$installed_size/" Packaging/control.in > "$root/DEBIAN/control"
(cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"

mkdir -p dist
deb="dist/motcua_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
echo "$deb"
