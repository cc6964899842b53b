. "$(dirname "$0")/common.inc"
if "$ONEBIN" elf "$FIXTURES/greet_bfd_pie" -o "$t/out" 2> "$t/err"; then fail "accepted -o with nothing to edit"; fi
grep -q "nothing to edit" "$t/err" || fail "message: $(cat "$t/err")"
[[ ! -e "$t/out" ]] || fail "wrote an output"
