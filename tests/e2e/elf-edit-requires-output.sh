. "$(dirname "$0")/common.inc"
cp "$FIXTURES/greet_bfd_pie" "$t/prog"
if "$ONEBIN" elf "$t/prog" --set-runpath '$ORIGIN' 2> "$t/err"; then fail "edited without -o"; fi
grep -q -- "-o OUT" "$t/err" || fail "message: $(cat "$t/err")"
cmp -s "$t/prog" "$FIXTURES/greet_bfd_pie" || fail "input was modified"
