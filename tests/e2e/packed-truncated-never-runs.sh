. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
truncate -s -1000 "$t/hello.run"
status=0; "$t/hello.run" > "$t/out" 2> "$t/err" || status=$?
[[ $status != 0 && ! -s "$t/out" ]] || fail "truncated file ran (status $status)"
grep -q 'not a onebin file' "$t/err" || fail "reason: $(cat "$t/err")"
[[ $(wc -l < "$t/err") == 1 ]] || fail "not one line: $(cat "$t/err")"
