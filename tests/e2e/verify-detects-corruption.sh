. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$ONEBIN" verify "$t/hello.run" > /dev/null || fail "a good file failed verify"
offset=$(( $(od -An -t u8 -j $(( $(stat -c %s "$t/hello.run") - 48 )) -N 8 "$t/hello.run") + 50 ))
printf '\x00\x01\x02' | dd of="$t/hello.run" bs=1 seek=$offset conv=notrunc status=none
if "$ONEBIN" verify "$t/hello.run" 2> "$t/err"; then fail "verify passed a corrupted file"; fi
grep -q "$t/hello.run: .*corrupted" "$t/err" || fail "message: $(cat "$t/err")"
