. "$(dirname "$0")/common.inc"
"$BRIDGE_CHECK" cancel > "$t/out" 2>&1 || fail "cancel: $(cat "$t/out")"
grep -qxF 'musl thread cancelled before/after the bridge started: yes/yes' "$t/out" || fail "cancel printed: $(cat "$t/out")"
