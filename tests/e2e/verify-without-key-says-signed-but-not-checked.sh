. "$(dirname "$0")/common.inc"
# Without --key, verify checks the hashes and says whether the file is signed,
# and that the signature was not checked; with --key, an unsigned file fails.
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$ONEBIN" keygen "$t/key" > /dev/null || fail "keygen"
"$ONEBIN" verify "$t/hello.run" --key "$t/key.pub" > "$t/out" 2>&1 && fail "an unsigned file passed: $(cat "$t/out")"
grep -q "hello.run: not signed" "$t/out" || fail "$(cat "$t/out")"
"$ONEBIN" verify "$t/hello.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -q ", not signed$" "$t/out" || fail "$(cat "$t/out")"
"$ONEBIN" sign "$t/hello.run" --key "$t/key" > /dev/null || fail "sign"
id=$(cut -d' ' -f4 "$t/key.pub" | cut -c1-16)
"$ONEBIN" verify "$t/hello.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -q ", signed by key $id but not checked (give --key PUBLIC)$" "$t/out" || fail "$(cat "$t/out")"
