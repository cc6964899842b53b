. "$(dirname "$0")/common.inc"
if "$ONEBIN" elf "$t/absent" 2> "$t/err"; then fail "accepted a missing file"; fi
grep -q "$t/absent" "$t/err" || fail "message does not name the file: $(cat "$t/err")"
