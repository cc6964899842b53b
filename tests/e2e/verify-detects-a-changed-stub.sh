. "$(dirname "$0")/common.inc"
# verify covers the stub too (it hashed only the index and the files): a
# byte changed in the stub's part of the file, before payload_offset, is
# reported by verify, and the packed file refuses to run.
pack "$SAMPLES/hello/hello" "$t/hello.run"
payload=$("$ONEBIN" inspect --json "$t/hello.run" | python3 -c 'import json, sys; print(json.load(sys.stdin)["payload_offset"])')
at=$((payload - 16))  # the stub's last bytes: its section header table, which nothing runs
before=$(od -An -tx1 -j $at -N1 "$t/hello.run")
printf "\\x$(printf '%02x' $(( 0x${before// /} ^ 0xff )))" | dd of="$t/hello.run" bs=1 seek=$at conv=notrunc status=none
[[ $(od -An -tx1 -j $at -N1 "$t/hello.run") != "$before" ]] || fail "test setup: the byte did not change"
status=0
"$ONEBIN" verify "$t/hello.run" > "$t/out" 2>&1 || status=$?
(( status != 0 )) || fail "verify passed a changed stub: $(cat "$t/out")"
grep -q 'corrupted stub (hash mismatch)' "$t/out" || fail "verify: $(cat "$t/out")"
status=0
"$t/hello.run" > "$t/out" 2>&1 || status=$?
(( status == 127 )) && grep -q 'corrupted stub (hash mismatch)' "$t/out" || fail "ran with status $status: $(cat "$t/out")"
"$ONEBIN" verify --help | grep -q 'not tampering' || fail "verify --help does not say what it does not prove"
