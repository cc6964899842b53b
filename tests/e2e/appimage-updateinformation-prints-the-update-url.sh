. "$(dirname "$0")/common.inc"
# --appimage-updateinformation prints the update URL a file was packed with
# (--update-url), where AppImage's prints its update information; a file
# packed without one prints nothing. Before, the option went to the app.
pack "$SAMPLES/hello/hello" "$t/hello.run" --update-url https://example.org/releases/hello.run
"$t/hello.run" --appimage-updateinformation > "$t/out" 2>&1 || fail "$(cat "$t/out")"
[[ $(cat "$t/out") == https://example.org/releases/hello.run ]] || fail "printed: $(cat "$t/out")"
pack "$SAMPLES/hello/hello" "$t/plain.run"
"$t/plain.run" --appimage-updateinformation > "$t/out" 2>&1 || fail "without a URL: $(cat "$t/out")"
[[ ! -s $t/out ]] || fail "without a URL printed: $(cat "$t/out")"
