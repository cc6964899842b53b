. "$(dirname "$0")/common.inc"
"$BRIDGE_CHECK" call > "$t/out" 2>&1 || fail "call: $(cat "$t/out")"
grep -qxF 'cos(0.5) = 0.877582561890' "$t/out" || fail "call printed: $(cat "$t/out")"
