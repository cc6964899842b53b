. "$(dirname "$0")/common.inc"
roots
for check in call threads cancel callback errno; do
  run_in bullseye "$BRIDGE_CHECK" $check > "$t/out" 2>&1 || fail "$check in bullseye: $(cat "$t/out")"
done
