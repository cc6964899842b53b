. "$(dirname "$0")/common.inc"
# trixie's qt5ct (Qt 5.15), packed alone, draws its window in bullseye (a
# desktop's X libraries, no Qt) and on this Debian 12 (whose Qt 5.15.8
# plugins must not load into trixie's Qt): onebin deploys Qt 5's plugins
# and a qt.conf. It must look as unpacked qt5ct does in trixie.
roots
apps=$roots/trixie-apps
pack "$apps/usr/bin/qt5ct" "$t/qt5ct.run" --root "$apps" --explain
grep -q '^qt5    plugins platforms  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
draws_like_unpacked "$t/qt5ct.run" qt5ct qt5ct
