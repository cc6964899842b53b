. "$(dirname "$0")/common.inc"
# A signed file takes only a new version signed by the same key: version 2
# signed by another key is refused (version 1 stays), signed by the same key
# it is taken.
privlibs_versions "$t"
mkdir "$t/www"
serve "$t/www"
"$ONEBIN" keygen "$t/ours" > /dev/null && "$ONEBIN" keygen "$t/theirs" > /dev/null || fail "keygen"
SOURCE_DATE_EPOCH=1000000000 pack "$t/v1" "$t/app.run" --entry bin/privlibs --update-url "$base/app.run"
"$ONEBIN" sign "$t/app.run" --key "$t/ours" > /dev/null || fail "sign v1"
cp "$t/app.run" "$t/v1.run"
SOURCE_DATE_EPOCH=1000000100 pack "$t/v2" "$t/www/app.run" --entry bin/privlibs --update-url "$base/app.run"
"$ONEBIN" sign "$t/www/app.run" --key "$t/theirs" > /dev/null || fail "sign v2"
"$ONEBIN" update "$t/app.run" > "$t/out" 2>&1 && fail "another key's version was taken: $(cat "$t/out")"
grep -q "not by the key that signed $t/app.run" "$t/out" || fail "$(cat "$t/out")"
cmp -s "$t/app.run" "$t/v1.run" || fail "version 1 changed"
"$ONEBIN" sign "$t/www/app.run" --key "$t/ours" > /dev/null || fail "sign v2 again"
"$ONEBIN" update "$t/app.run" > "$t/out" 2>&1 || fail "the same key's version was refused: $(cat "$t/out")"
cmp -s "$t/app.run" "$t/www/app.run" || fail "not version 2 byte for byte"
