. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$ONEBIN" verify "$t/hello.run" > /dev/null || fail "a good file failed verify"
offset=$(inside_frames "$t/hello.run" bin/hello) || fail "no offset"
printf '\x00\x01\x02' | dd of="$t/hello.run" bs=1 seek=$offset conv=notrunc status=none
if "$ONEBIN" verify "$t/hello.run" 2> "$t/err"; then fail "verify passed a corrupted file"; fi
grep -q "$t/hello.run: .*corrupted" "$t/err" || fail "message: $(cat "$t/err")"
