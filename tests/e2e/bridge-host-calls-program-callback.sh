. "$(dirname "$0")/common.inc"
"$BRIDGE_CHECK" callback > "$t/out" 2>&1 || fail "callback: $(cat "$t/out")"
grep -qxF 'sorted by host qsort: 1 3 5 7 9' "$t/out" || fail "callback printed: $(cat "$t/out")"
