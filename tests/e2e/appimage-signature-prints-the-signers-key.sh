. "$(dirname "$0")/common.inc"
# --appimage-signature prints a signed file's public key and signature in
# hex (the stub shows the block, onebin verify --key checks it) and nothing
# for an unsigned file. Before, the option went to the app.
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$t/hello.run" --appimage-signature > "$t/out" 2>&1 || fail "unsigned: $(cat "$t/out")"
[[ ! -s $t/out ]] || fail "unsigned printed: $(cat "$t/out")"
"$ONEBIN" keygen "$t/key" > /dev/null || fail "keygen"
"$ONEBIN" sign "$t/hello.run" --key "$t/key" > /dev/null || fail "sign"
id=$(cut -d' ' -f4 "$t/key.pub" | cut -c1-16)
"$t/hello.run" --appimage-signature > "$t/out" 2>&1 || fail "signed: $(cat "$t/out")"
grep -qx "public_key: $id[0-9a-f]\{48\}" "$t/out" && grep -qx 'signature: [0-9a-f]\{128\}' "$t/out" ||
  fail "signed printed: $(cat "$t/out") (key id $id)"
