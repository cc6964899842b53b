. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$t/hello.run" --onebin-help | grep -q -- '--onebin-extract DIR' || fail "help"
"$t/hello.run" --onebin-info > "$t/info"
grep -qx 'main: bin/hello' "$t/info" || fail "info: $(cat "$t/info")"
if "$t/hello.run" --onebin-bogus 2> "$t/err"; then fail "accepted an unknown stub option"; fi
grep -q 'unknown option --onebin-bogus' "$t/err" || fail "message: $(cat "$t/err")"
