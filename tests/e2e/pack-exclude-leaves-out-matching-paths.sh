. "$(dirname "$0")/common.inc"
pack "$SAMPLES/privlibs/app" "$t/p.run" --entry bin/privlibs --exclude 'share/*'
"$ONEBIN" inspect "$t/p.run" > "$t/list"
grep -q 'share/privlibs/message.txt' "$t/list" && fail "excluded file was packed"
grep -q 'lib/libgreeting.so' "$t/list" || fail "other files lost: $(cat "$t/list")"
