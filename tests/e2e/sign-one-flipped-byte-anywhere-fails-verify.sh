. "$(dirname "$0")/common.inc"
# The signature covers every byte but its own block: one byte flipped in the
# stub, the file data, the index, the trailer or the signature block itself
# makes verify --key fail, and so does a key that did not sign the file.
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$ONEBIN" keygen "$t/key" > /dev/null && "$ONEBIN" keygen "$t/other" > /dev/null || fail "keygen"
"$ONEBIN" sign "$t/hello.run" --key "$t/key" > /dev/null || fail "sign"
"$ONEBIN" verify "$t/hello.run" --key "$t/other.pub" > "$t/out" 2>&1 && fail "another key passed: $(cat "$t/out")"
grep -q "not by $t/other.pub" "$t/out" || fail "$(cat "$t/out")"
size=$(stat -c %s "$t/hello.run")
u64() { od -An -t u8 -j "$1" -N 8 "$t/hello.run" | tr -d ' '; }  # trailer fields (formats/README.md)
payload=$(u64 $((size - 48))) index=$(u64 $((size - 40))) block=$((size - 64 - 128))
for where in "stub:100" "file data:$((payload + 100))" "index:$((index + 3))" "trailer:$((size - 60))" \
             "signature block:$((block + 60))"; do
  cp "$t/hello.run" "$t/flipped.run"
  at=${where##*:}
  byte=$(od -An -t u1 -j "$at" -N 1 "$t/flipped.run" | tr -d ' ')
  printf "\\$(printf %o $((byte ^ 1)))" | dd of="$t/flipped.run" bs=1 seek="$at" conv=notrunc status=none
  cmp -s "$t/hello.run" "$t/flipped.run" && fail "test setup: no byte flipped at $where"
  "$ONEBIN" verify "$t/flipped.run" --key "$t/key.pub" > "$t/out" 2>&1 && fail "a flipped byte in the ${where%:*} passed"
  [[ $(wc -l < "$t/out") == 1 ]] || fail "${where%:*}: $(cat "$t/out")"
done
