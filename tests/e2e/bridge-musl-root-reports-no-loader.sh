. "$(dirname "$0")/common.inc"
roots
run_in musl "$BRIDGE_CHECK" no-loader > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -qx 'no bridge: no glibc loader on this host' "$t/out" || fail "printed: $(cat "$t/out")"
