. "$(dirname "$0")/common.inc"
"$BRIDGE_CHECK" threads > "$t/out" 2>&1 || fail "threads: $(cat "$t/out")"
grep -qxF '4 threads: 0 failed' "$t/out" || fail "threads printed: $(cat "$t/out")"
