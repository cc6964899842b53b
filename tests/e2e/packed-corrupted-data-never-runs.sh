. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
# Flip one byte in the middle of the program's compressed frames.
offset=$(inside_frames "$t/hello.run" bin/hello) || fail "no offset"
cp "$t/hello.run" "$t/good.run"
printf '\xff' | dd of="$t/hello.run" bs=1 seek=$offset conv=notrunc status=none
cmp -s "$t/hello.run" "$t/good.run" && printf '\x00' | dd of="$t/hello.run" bs=1 seek=$offset conv=notrunc status=none
cmp -s "$t/hello.run" "$t/good.run" && fail "test setup: no byte changed"
status=0; "$t/hello.run" > "$t/out" 2> "$t/err" || status=$?
[[ $status != 0 ]] || fail "corrupted file exited 0"
[[ ! -s "$t/out" ]] || fail "the app ran: $(cat "$t/out")"
[[ $(wc -l < "$t/err") == 1 ]] || fail "not one line: $(cat "$t/err")"
grep -q 'corrupted' "$t/err" || fail "reason: $(cat "$t/err")"
