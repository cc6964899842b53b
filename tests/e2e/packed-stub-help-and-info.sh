. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
# Read whole, not through grep -q: grep leaving early would end the stub's
# second write with SIGPIPE, and pipefail would count that as a failure.
"$t/hello.run" --onebin-help > "$t/help" || fail "help failed"
grep -q -- '--onebin-extract DIR' "$t/help" && grep -q -- '--onebin-install' "$t/help" || fail "help: $(cat "$t/help")"
"$t/hello.run" --onebin-info > "$t/info"
grep -qx 'main: bin/hello' "$t/info" || fail "info: $(cat "$t/info")"
if "$t/hello.run" --onebin-bogus 2> "$t/err"; then fail "accepted an unknown stub option"; fi
grep -q 'unknown option --onebin-bogus' "$t/err" || fail "message: $(cat "$t/err")"
