. "$(dirname "$0")/common.inc"
# trixie's qt5ct reads its colour schemes and style sheets from
# /usr/share/qt5ct/{colors,qss}, paths compiled into its own library
# libqt5ct-common, which no deploy module knows: pack packs neither and says
# so in one warning on stderr (the packed app would miss them on another
# system); --explain lists every such path on stdout.
roots
apps=$roots/trixie-apps
[[ -d $apps/usr/share/qt5ct/colors ]] || fail "test setup: trixie-apps has no /usr/share/qt5ct/colors"
"$ONEBIN" pack "$apps/usr/bin/qt5ct" -o "$t/qt5ct.run" --root "$apps" --level 1 --explain > "$t/pack.log" 2> "$t/pack.err" ||
  fail "pack: $(cat "$t/pack.err")"
grep -q '^onebin: warning: qt5ct names [0-9]* paths it was built with that are not packed and will be missing on other systems:$' \
  "$t/pack.err" || fail "no warning: $(cat "$t/pack.err")"
grep -qx '  /usr/share/qt5ct/colors  (named by lib/libqt5ct-common.so.1.8)' "$t/pack.err" || fail "stderr: $(cat "$t/pack.err")"
grep -qx 'paths  /usr/share/qt5ct/qss  (named by lib/libqt5ct-common.so.1.8)  not packed' "$t/pack.log" ||
  fail "explain: $(grep '^paths' "$t/pack.log")"
