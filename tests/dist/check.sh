#!/usr/bin/env bash
# Checks what `make dist` made, the way an operator meets it: the .deb's
# contents, installing it with dpkg, running the installed binary (the CLI,
# then the window under Xvfb on a fresh data folder), removing it; and that
# the Windows installer is a real PE file of a plausible size.
# Usage (from the Makefile): tests/dist/check.sh VERSION "SUDO"
set -u -o pipefail
version=$1
sudo=${2:-}
cd "$(dirname "$0")/../.."
passed=0 failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAILED: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

debs=(build/bin/qunzhu_*_amd64.deb)
exe=build/bin/qunzhu-amd64-installer.exe
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  bad "exactly one .deb in build/bin (found: ${debs[*]})"
  echo "$passed passed, $failed failed"; exit 1
fi
deb=${debs[0]}
echo "--- $deb ($(du -h "$deb" | cut -f1)):"
contents=$(dpkg-deb --contents "$deb") && echo "$contents"
has() { grep -q -- "$1" <<<"$contents"; }
check "the .deb has the binary, executable" grep -qE '^-rwxr-xr-x root/root .* \./usr/bin/qunzhu$' <<<"$contents"
check "the .deb has the desktop entry" has ' ./usr/share/applications/qunzhu.desktop$'
check "the .deb has the icon" has ' ./usr/share/icons/hicolor/512x512/apps/qunzhu.png$'
check "the .deb depends on GTK 3 and WebKitGTK 4.1" \
  test "$(dpkg-deb --field "$deb" Depends)" = "libgtk-3-0, libwebkit2gtk-4.1-0"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb --extract "$deb" "$tmp/root"
check "the desktop entry passes desktop-file-validate" desktop-file-validate "$tmp/root/usr/share/applications/qunzhu.desktop"

echo "--- dpkg -i $deb"
if $sudo dpkg -i "$deb"; then
  ok "dpkg -i installs the package"
  check "dpkg knows qunzhu is installed" dpkg -s qunzhu >/dev/null
  out=$(DISPLAY= /usr/bin/qunzhu version 2>&1)
  echo "/usr/bin/qunzhu version: $out"
  check "the installed qunzhu prints version $version" test "$out" = "qunzhu $version"
  if [ "${QUNZHU_DIST_WINDOW:-1}" = 1 ]; then
    echo "--- the installed binary's window on a fresh data folder"
    (cd tests/e2e && QUNZHU_BIN=/usr/bin/qunzhu QUNZHU_SHOT=installed node --test --test-concurrency=1 desktop.test.mjs) \
      && ok "the installed binary opens its window with the welcome screen" \
      || bad "the installed binary opens its window with the welcome screen"
  fi
  echo "--- dpkg -r qunzhu"
  check "dpkg -r removes the package" $sudo dpkg -r qunzhu
  check "/usr/bin/qunzhu is gone after removal" test ! -e /usr/bin/qunzhu
else
  bad "dpkg -i installs the package"
fi

echo "--- $exe"
if [ -f "$exe" ]; then
  kind=$(file -b "$exe"); echo "$kind"
  size=$(stat -c %s "$exe")
  check "the installer is a PE executable (Nullsoft)" grep -q '^PE32 executable.*Nullsoft Installer' <<<"$kind"
  check "the installer's MZ header" test "$(head -c 2 "$exe")" = MZ
  check "the installer is 4–20 MB ($size bytes)" test "$size" -gt 4000000 -a "$size" -lt 20971520
  check "the app inside is a 64-bit Windows GUI program" grep -q '^PE32+ executable (GUI) x86-64' <<<"$(file -b build/bin/qunzhu.exe)"
else
  bad "the Windows installer $exe exists"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
