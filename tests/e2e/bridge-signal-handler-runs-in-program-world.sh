. "$(dirname "$0")/common.inc"
"$BRIDGE_CHECK" signal > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -q '^handler ran on the program.s thread block: yes' "$t/out" || fail "$(cat "$t/out")"
