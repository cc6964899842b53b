. "$(dirname "$0")/common.inc"
# keygen makes a key pair (the secret key readable by its owner only), sign
# signs a packed file in place, verify --key with the public key passes with
# one line and exit 0, and the signed file still runs.
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$ONEBIN" keygen "$t/key" > "$t/out" 2>&1 || fail "keygen: $(cat "$t/out")"
[[ $(stat -c %a "$t/key") == 600 ]] || fail "the secret key is $(stat -c %a "$t/key")"
"$ONEBIN" sign "$t/hello.run" --key "$t/key" > "$t/out" 2>&1 || fail "sign: $(cat "$t/out")"
"$ONEBIN" verify "$t/hello.run" --key "$t/key.pub" > "$t/out" 2>&1 || fail "verify: $(cat "$t/out")"
[[ $(wc -l < "$t/out") == 1 ]] && grep -q "good signature by $t/key.pub" "$t/out" || fail "verify said: $(cat "$t/out")"
"$t/hello.run" > "$t/out" 2>&1 || fail "the signed file does not run: $(cat "$t/out")"
grep -q "hello from onebin's sample" "$t/out" || fail "$(cat "$t/out")"
