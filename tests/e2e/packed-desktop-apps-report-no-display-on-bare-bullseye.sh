. "$(dirname "$0")/common.inc"
# On a bare bullseye (no X libraries, no GL, no display), trixie's featherpad
# (Qt 6) and mousepad (GTK 3), packed, start with the packed fallbacks of the
# display libraries and fail with their own "cannot open display", not with
# the loader's "error while loading shared libraries".
roots
apps=$roots/trixie-apps
[[ ! -e $roots/bullseye/usr/lib/x86_64-linux-gnu/libxcb.so.1 ]] || fail "test setup: bullseye has libxcb"
declare -A says=([featherpad]='qt.qpa.xcb: could not connect to display :55' [mousepad]='cannot open display: :55')
for app in featherpad mousepad; do
  pack "$apps/usr/bin/$app" "$t/$app.run" --root "$apps"
  DISPLAY=:55 run_in bullseye "$t/$app.run" > "$t/out" 2>&1 || true
  grep -qF "${says[$app]}" "$t/out" || fail "$app: $(cat "$t/out")"
  ! grep -q 'error while loading shared libraries' "$t/out" || fail "$app: $(cat "$t/out")"
done
