. "$(dirname "$0")/common.inc"
# AppImage's way to run without FUSE, --appimage-extract-and-run or
# APPIMAGE_EXTRACT_AND_RUN=1, runs the app with the other arguments (a
# packed file always runs from a private unpacked copy). Before, the option
# reached the app as its first argument.
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$t/hello.run" --appimage-extract-and-run a b > "$t/out" 2>&1 || fail "option: $(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" && grep -qx 'arg 2: b' "$t/out" && ! grep -q 'appimage' "$t/out" || fail "option: $(cat "$t/out")"
APPIMAGE_EXTRACT_AND_RUN=1 "$t/hello.run" a b > "$t/out" 2>&1 || fail "variable: $(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" && grep -qx 'arg 2: b' "$t/out" || fail "variable: $(cat "$t/out")"
