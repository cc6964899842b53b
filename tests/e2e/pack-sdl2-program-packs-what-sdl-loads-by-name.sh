. "$(dirname "$0")/common.inc"
# trixie's ffplay (SDL 2): the libraries SDL loads by name and no DT_NEEDED
# names (the EGL and OpenGL dispatch, D-Bus) are packed when the root has
# them, those it lacks are only said, and ffplay plays a test pattern in its
# own window in bullseye under Xvfb.
roots
apps=$roots/trixie-apps
pack "$apps/usr/bin/ffplay" "$t/ffplay.run" --root "$apps" --explain
grep -q '^sdl    lib/libSDL2-2.0.so.0 loads by name: .*libEGL.so.1' "$t/pack.log" || fail "explain: $(grep -E '^(sdl|absent)' "$t/pack.log")"
grep -q '^absent libsndio.so.7  (loaded by name by lib/libSDL2-2.0.so.0; not found, left out)$' "$t/pack.log" ||
  fail "explain: $(grep -E '^(sdl|absent)' "$t/pack.log")"
"$ONEBIN" inspect "$t/ffplay.run" > "$t/list"
for lib in libEGL.so.1 libOpenGL.so.0; do grep -q " lib/$lib$" "$t/list" || fail "$lib not packed"; done
window_check bullseye-x11 "$t/ffplay.run" ffplay -nostats -loglevel error -f lavfi -i testsrc=size=320x240:rate=10 -t 30
