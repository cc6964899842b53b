. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
status=0; HELLO_EXIT=42 "$t/hello.run" > /dev/null || status=$?
[[ $status == 42 ]] || fail "exit status $status, want 42"
