. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
stub_size=$(stat -c %s "$t/hello.run")
# Flip one byte in the middle of the payload (after the stub, before the index).
offset=$(( $(od -An -t u8 -j $((stub_size - 48)) -N 8 "$t/hello.run") + 100 ))
printf '\xff' | dd of="$t/hello.run" bs=1 seek=$offset conv=notrunc status=none
status=0; "$t/hello.run" > "$t/out" 2> "$t/err" || status=$?
[[ $status != 0 ]] || fail "corrupted file exited 0"
[[ ! -s "$t/out" ]] || fail "the app ran: $(cat "$t/out")"
[[ $(wc -l < "$t/err") == 1 ]] || fail "not one line: $(cat "$t/err")"
grep -q 'corrupted' "$t/err" || fail "reason: $(cat "$t/err")"
