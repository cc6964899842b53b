. "$(dirname "$0")/common.inc"
file -b "$BRIDGE_CHECK" | grep -q 'statically linked' || fail "not static: $(file -b "$BRIDGE_CHECK")"
