#!/usr/bin/env bash
# Tests what users get: builds the .deb (Scripts/package-deb.sh), unpacks it
# into a scratch root with `dpkg -x`, and runs the nightly job the way the
# packaged motcua.service does — its ExecStart, from its WorkingDirectory, with
# the packaged sample configuration — in a temporary folder laid out like
# /srv/motcua, outside the checkout, with MOTCUA_TEMPLATES unset and (where the
# kernel lets us) the Swift toolchain hidden behind an empty tmpfs.
#
# Usage: bash Scripts/test-package.sh [--no-build]
# Ends with "N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

# What the last line of the run's log must end with (a grep -E pattern):
# success with no rejected row.
expected_last_log_line='kết thúc: thành công$'
# The sample's known figure: dossiers received in October 2020 (Tân Uyên).
expected_received=1907
# The runtime libraries Depends must name.
expected_depends=(libxlsxwriter4 libsqlite3-0 zlib1g libisal2 adduser)

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/     /'; return 0; }
check() { local name=$1; shift; if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

deb=$(bash Scripts/package-deb.sh "$@" | tail -n 1)
if [ ! -f "$deb" ]; then fail "package-deb.sh builds a .deb"; finish; fi
pass "package-deb.sh builds $deb"

scratch=$(mktemp -d /tmp/motcua-package.XXXX)
srv=$(mktemp -d /tmp/motcua-nightly.XXXX)
trap 'rm -rf "$scratch" "$srv"' EXIT
dpkg -x "$deb" "$scratch"
motcua="$scratch/usr/bin/motcua"

# --- the package's contents and metadata
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/motcua ./usr/share/man/man1/motcua.1.gz \
            ./usr/share/bash-completion/completions/motcua \
            ./usr/share/zsh/vendor-completions/_motcua \
            ./usr/share/fish/vendor_completions.d/motcua.fish \
            ./etc/motcua/motcua.yaml ./lib/systemd/system/motcua.service \
            ./lib/systemd/system/motcua.timer ./usr/share/doc/motcua/copyright; do
  if grep -q " $path\$" <<<"$contents"; then pass "package contains $path"; else fail "package contains $path"; fi
done
page=$(zcat "$scratch/usr/share/man/man1/motcua.1.gz" 2>/dev/null)
if grep -q '^\.Dt MOTCUA 1' <<<"$page" && grep -q '^\.It Em run' <<<"$page"; then
  pass "man page motcua(1) covers the subcommands"
else
  fail "man page motcua(1) covers the subcommands"
fi
# "Báo cáo" of the abstract: the patched generator keeps Vietnamese text.
check "man page keeps the Vietnamese text" grep -qF 'B\[u00E1]o c\[u00E1]o' <<<"$page"
check "bash completion parses" bash -n "$scratch/usr/share/bash-completion/completions/motcua"
check "conffiles lists /etc/motcua/motcua.yaml" \
  sh -c "dpkg-deb -I '$deb' conffiles | grep -qx /etc/motcua/motcua.yaml"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in "${expected_depends[@]}"; do
  if grep -Eq "(^|, )$lib( |,|$)" <<<"$depends"; then pass "Depends names $lib"; else fail "Depends names $lib" "Depends: $depends"; fi
done

# --- the binary: no Swift runtime or Foundation among its shared libraries
libs=$(ldd "$motcua" 2>&1)
echo "ldd $motcua:"; sed 's/^/     /' <<<"$libs"
if grep -Eqi 'libswift|Foundation|libdispatch|BlocksRuntime|libicu|not found' <<<"$libs"; then
  fail "ldd shows no Swift runtime, Foundation or missing library" "$libs"
else
  pass "ldd shows no Swift runtime, Foundation or missing library"
fi

# --- the nightly job, as the packaged service runs it
service="$scratch/lib/systemd/system/motcua.service"
check "the service runs as the system user motcua, not root" grep -qx 'User=motcua' "$service"
control=$(mktemp -d /tmp/motcua-control.XXXX)
dpkg-deb -e "$deb" "$control"
for script in postinst prerm postrm; do
  check "maintainer script $script parses" sh -n "$control/$script"
done
check "postinst makes the motcua user and gives it /srv/motcua" \
  sh -c "grep -q 'adduser --system' '$control/postinst' && grep -q 'chown -R motcua:motcua /srv/motcua' '$control/postinst'"
rm -rf "$control"
exec_start=$(sed -n 's/^ExecStart=//p' "$service")
workdir=$(sed -n 's/^WorkingDirectory=//p' "$service")
config="$srv/motcua.yaml"
# The sample configuration with /srv/motcua moved to the temporary folder.
sed "s#/srv/motcua#$srv#g" "$scratch/etc/motcua/motcua.yaml" > "$config"
S="$PWD/SampleData/tan-uyen-2020-10"
mkdir -p "$srv/inbox"
cp "$S/units.csv" "$srv/don-vi.csv"
cp "$S/procedures.csv" "$srv/thu-tuc.csv"
cp "$S/dossiers.csv" "$srv/inbox/2020-11-05.csv"
# run leaves a file changed in the last 60 s for the next night (it may be
# still being copied): the export arrived the evening before.
touch -d '2020-11-05 18:00' "$srv/inbox/2020-11-05.csv"
command=${exec_start//\/usr\/bin\/motcua/$motcua}
command=${command//\/etc\/motcua\/motcua.yaml/$config}
command="$command --today 2020-11-06"
cd_to=${workdir//\/srv\/motcua/$srv}
echo "nightly: cd $cd_to && $command"

# Hide the toolchain the binary was built with (…/usr of the swift executable).
toolchain=""
if swift_bin=$(command -v swift); then
  toolchain=$(cd "$(dirname "$(readlink -f "$swift_bin")")/.." && pwd)
fi
# The log's language follows MOTCUA_LANG and the locale: without them it is
# Vietnamese, the language expected_last_log_line is written in.
run_check() { (cd "$cd_to" && env -u MOTCUA_TEMPLATES -u LD_LIBRARY_PATH -u MOTCUA_LANG -u LC_ALL -u LC_MESSAGES -u LANG $command --check >> "$srv/check.log" 2>&1); }
run_nightly() { (cd "$cd_to" && env -u MOTCUA_TEMPLATES -u LD_LIBRARY_PATH -u MOTCUA_LANG -u LC_ALL -u LC_MESSAGES -u LANG $command >> "$srv/cron.log" 2>&1); }
version_cmd() { env -u LD_LIBRARY_PATH "$motcua" --version; }
if [ -n "$toolchain" ] && [ "$toolchain" != /usr ] &&
   unshare -m mount -t tmpfs tmpfs "$toolchain" 2>/dev/null; then
  echo "nightly: running with $toolchain hidden (unshare -m, tmpfs)"
  hidden() { unshare -m bash -c 'mount -t tmpfs tmpfs "$1" && shift && "$@"' _ "$toolchain" "$@"; }
  export -f run_check run_nightly version_cmd
  export cd_to command srv motcua
  if hidden bash -c '[ -z "$(ls -A "$0")" ]' "$toolchain"; then pass "$toolchain is empty inside the namespace"
  else fail "$toolchain is empty inside the namespace"; fi
  version=$(hidden bash -c version_cmd 2>&1); version_status=$?
  hidden bash -c run_check; check_status=$?
  hidden bash -c run_nightly; status=$?
else
  echo "nightly: NOTE the Swift toolchain stays visible (unshare -m or mount not permitted, or swift lives in /usr)"
  version=$(version_cmd 2>&1); version_status=$?
  run_check; check_status=$?
  run_nightly; status=$?
fi

if [ "$version_status" -eq 0 ] && [ -n "$version" ]; then pass "motcua --version prints $version"; else fail "motcua --version" "$version"; fi
if [ "$check_status" -eq 0 ]; then pass "run --check accepts the packaged configuration"
else fail "run --check accepts the packaged configuration (exit $check_status)" "$(tail -n 5 "$srv/check.log")"; fi
if [ "$status" -eq 0 ]; then pass "nightly run exits 0"; else fail "nightly run exits 0 (exit $status)" "$(tail -n 5 "$srv/cron.log")"; fi
workbook=$(find "$srv/out" -name '2020-10.xlsx' 2>/dev/null | head -n 1)
json=$(find "$srv/out" -name '2020-10.json' 2>/dev/null | head -n 1)
if [ -n "$workbook" ] && [ -s "$workbook" ]; then pass "workbook written (${workbook#$srv/})"; else fail "workbook out/…/2020-10.xlsx written"; fi
if [ -n "$json" ] && [ -s "$json" ]; then
  pass "JSON written (${json#$srv/})"
  # The JSON is pretty-printed with sorted keys: total's own fields are indented by 4.
  received=$(awk '/^  "total" *: *\{/ { t = 1; next } t && /^  \}/ { exit }
                  t && /^    "received" *:/ { gsub(/[^0-9]/, ""); print; exit }' "$json")
  if [ "$received" = "$expected_received" ]; then pass "JSON total received = $expected_received"
  else fail "JSON total received = $expected_received" "got: $received"; fi
else
  fail "JSON out/…/2020-10.json written"
  fail "JSON total received = $expected_received"
fi
log="$srv/motcua.log"
if [ -f "$log" ] && tail -n 1 "$log" | grep -Eq "$expected_last_log_line"; then
  pass "log's last line says the run succeeded ($(tail -n 1 "$log"))"
else
  fail "log's last line matches /$expected_last_log_line/" "$(tail -n 3 "$log" 2>/dev/null || echo "no $log")"
fi
check "inbox emptied into archive/" sh -c "[ -z \"\$(ls -A '$srv/inbox')\" ] && [ -f '$srv/archive/2020-11-05.csv' ]"

# --- the README's cron recipe, as written: its sample configuration and its
# crontab line, run the way cron runs it (sh, an almost empty environment),
# with only /usr/local/bin/motcua and /srv/motcua moved to the scratch places.
readme_srv=$(mktemp -d /tmp/motcua-readme.XXXX)
trap 'rm -rf "$scratch" "$srv" "$readme_srv"' EXIT
awk '/^## Chạy tự động hằng đêm/ { s = 1 } s && /^```yaml/ { y = 1; next } y && /^```/ { exit } y' README.md \
  > "$readme_srv/motcua.yaml"
cron_line=$(grep -m 1 -E '^0 2 \* \* \* ' README.md)
mkdir -p "$readme_srv/inbox"
cp "$S/units.csv" "$readme_srv/don-vi.csv"
cp "$S/procedures.csv" "$readme_srv/thu-tuc.csv"
printf 'date,kind,note\n' > "$readme_srv/lich-tinh.csv"   # the sample names a province calendar file
cp "$S/dossiers.csv" "$readme_srv/inbox/2020-11-05.csv"
touch -d '2020-11-05 18:00' "$readme_srv/inbox/2020-11-05.csv"
cron_command=${cron_line#0 2 \* \* \* }
cron_command=${cron_command//\/usr\/local\/bin\/motcua/$motcua}
cron_command=${cron_command//\/srv\/motcua/$readme_srv}
echo "README cron: $cron_command"
if [ -s "$readme_srv/motcua.yaml" ] && [ -n "$cron_line" ]; then
  env -i PATH=/usr/bin:/bin HOME=/root LANG=C sh -c "$cron_command"; cron_status=$?
  if [ "$cron_status" -eq 0 ]; then pass "README cron recipe exits 0"
  else fail "README cron recipe exits 0 (exit $cron_status)" "$(tail -n 5 "$readme_srv/cron.log" 2>/dev/null)"; fi
  if tail -n 1 "$readme_srv/motcua.log" 2>/dev/null | grep -Eq "$expected_last_log_line"; then
    pass "README cron recipe: the log's last line says the run succeeded"
  else
    fail "README cron recipe: the log's last line matches /$expected_last_log_line/" "$(tail -n 3 "$readme_srv/motcua.log" 2>/dev/null)"
  fi
  check "README cron recipe: cron.log has the run's lines" grep -q 'kết thúc' "$readme_srv/cron.log"
else
  fail "README has a yaml sample and a crontab line in 'Chạy tự động hằng đêm'"
fi

finish
