. "$(dirname "$0")/common.inc"
# trixie's featherpad packed as a single program (no app directory, no
# qt.conf of the user's): onebin deploys Qt 6's plugins and a qt.conf that
# points at them, and it draws its window under Xvfb in bullseye and on this
# Debian 12 as it does unpacked in trixie.
roots
apps=$roots/trixie-apps
pack "$apps/usr/bin/featherpad" "$t/featherpad.run" --root "$apps" --explain
grep -q '^qt6    plugins platforms  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
grep -qx 'qt6    bin/qt.conf  (Plugins = lib/qt6/plugins)' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
grep -q ' lib/qt6/plugins/platforms/libqxcb.so$' <("$ONEBIN" inspect "$t/featherpad.run") || fail "no xcb plugin packed"
draws_like_unpacked "$t/featherpad.run" FeatherPad featherpad
