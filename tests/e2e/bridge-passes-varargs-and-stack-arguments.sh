. "$(dirname "$0")/common.inc"
"$BRIDGE_CHECK" varargs > "$t/out" 2>&1 || fail "varargs: $(cat "$t/out")"
grep -qxF '1 2 3 4 5 6 7.50 eight' "$t/out" || fail "varargs printed: $(cat "$t/out")"
