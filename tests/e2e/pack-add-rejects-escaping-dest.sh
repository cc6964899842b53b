. "$(dirname "$0")/common.inc"
echo x > "$t/x"
if "$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/h.run" --add "$t/x:../outside" 2> "$t/err"; then fail "accepted ../ in DEST"; fi
grep -q 'DEST must be a path inside the app' "$t/err" || fail "message: $(cat "$t/err")"
