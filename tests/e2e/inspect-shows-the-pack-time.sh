. "$(dirname "$0")/common.inc"
# inspect shows when the file was packed (the index's `packed`, format 6):
# SOURCE_DATE_EPOCH when set, as text and in --json.
SOURCE_DATE_EPOCH=1000000000 pack "$SAMPLES/hello/hello" "$t/hello.run"
"$ONEBIN" inspect "$t/hello.run" > "$t/out" 2>&1 || fail "inspect: $(cat "$t/out")"
grep -qx "packed: 2001-09-09 01:46:40 UTC (1000000000)" "$t/out" || fail "$(head -n 6 "$t/out")"
grep -qx "format: onebin 6" "$t/out" || fail "$(head -n 6 "$t/out")"
"$ONEBIN" inspect --json "$t/hello.run" > "$t/out" 2>&1 || fail "inspect --json: $(cat "$t/out")"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["packed"] == 1000000000, d.get("packed")' "$t/out" ||
  fail "--json: $(head -c 300 "$t/out")"
