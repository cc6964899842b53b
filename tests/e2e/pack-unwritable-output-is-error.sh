. "$(dirname "$0")/common.inc"
if "$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/missing/x.run" 2> "$t/err"; then fail "wrote into a missing directory"; fi
grep -q "$t/missing/x.run: cannot create" "$t/err" || fail "message: $(cat "$t/err")"
