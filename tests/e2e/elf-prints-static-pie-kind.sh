. "$(dirname "$0")/common.inc"
"$ONEBIN" elf "$FIXTURES/greet_static_pie" | grep -qx 'kind: static-pie executable' || fail "static-pie not recognised"
