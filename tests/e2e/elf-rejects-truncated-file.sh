. "$(dirname "$0")/common.inc"
head -c 3000 "$FIXTURES/uses_lib_bfd" > "$t/cut"
if "$ONEBIN" elf "$t/cut" 2> "$t/err"; then fail "accepted a truncated file"; fi
grep -q "$t/cut: truncated" "$t/err" || fail "message: $(cat "$t/err")"
