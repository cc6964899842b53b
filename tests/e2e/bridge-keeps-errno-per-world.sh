. "$(dirname "$0")/common.inc"
"$BRIDGE_CHECK" errno > "$t/out" 2>&1 || fail "errno: $(cat "$t/out")"
grep -qxF 'host close(-1) = -1, host errno 9, program errno 0' "$t/out" || fail "errno printed: $(cat "$t/out")"
